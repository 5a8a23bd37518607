"""Sectors (as in ODCO's statistics) and the groups an idea is meant for."""

from django.db import models
from django.utils.translation import pgettext_lazy


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", pgettext_lazy("sector", "Agriculture")
    HANDICRAFTS = "handicrafts", pgettext_lazy("sector", "Handicrafts")
    HOUSING = "housing", pgettext_lazy("sector", "Housing")
    FOOD = "food", pgettext_lazy("sector", "Food products")
    ARGAN = "argan", pgettext_lazy("sector", "Argan")
    AROMATIC_PLANTS = "aromatic_plants", pgettext_lazy("sector", "Aromatic and medicinal plants")
    FORESTRY = "forestry", pgettext_lazy("sector", "Forestry")
    FISHING = "fishing", pgettext_lazy("sector", "Fishing")
    EDUCATION = "education", pgettext_lazy("sector", "Literacy and education")
    TRANSPORT = "transport", pgettext_lazy("sector", "Transport")
    TOURISM = "tourism", pgettext_lazy("sector", "Tourism")
    CONSULTING = "consulting", pgettext_lazy("sector", "Consulting and management")
    QUARRIES = "quarries", pgettext_lazy("sector", "Quarries")
    LABOUR = "labour", pgettext_lazy("sector", "Labour")
    WASTE = "waste", pgettext_lazy("sector", "Waste treatment")
    PRINTING = "printing", pgettext_lazy("sector", "Communication and printing")
    RETAIL = "retail", pgettext_lazy("sector", "Retail")
    ARTS = "arts", pgettext_lazy("sector", "Arts and culture")
    ECOMMERCE = "ecommerce", pgettext_lazy("sector", "E-commerce")
    RECYCLING = "recycling", pgettext_lazy("sector", "Recycling")
    RENEWABLE_ENERGY = "renewable_energy", pgettext_lazy("sector", "Renewable energy")
    GREEN_TOURISM = "green_tourism", pgettext_lazy("sector", "Green tourism")
    ORGANIC = "organic", pgettext_lazy("sector", "Organic farming")
    COSMETICS = "cosmetics", pgettext_lazy("sector", "Cosmetics")


class TargetGroup(models.TextChoices):
    WOMEN = "women", pgettext_lazy("target group", "Women")
    YOUTH = "youth", pgettext_lazy("target group", "Young people")
    DISABILITY = "disability", pgettext_lazy("target group", "People with disabilities")
    RURAL = "rural", pgettext_lazy("target group", "Rural people")
    GRADUATES = "graduates", pgettext_lazy("target group", "Job-seeking graduates")


class InvestmentBand(models.TextChoices):
    """Filter bands on the idea's lowest investment (MAD)."""

    SMALL = "small", pgettext_lazy("investment", "Under 50,000 MAD")
    MEDIUM = "medium", pgettext_lazy("investment", "50,000 to 200,000 MAD")
    LARGE = "large", pgettext_lazy("investment", "Over 200,000 MAD")


INVESTMENT_BANDS = {"small": (0, 50_000), "medium": (50_000, 200_000), "large": (200_000, None)}
YOUTH_MAX_AGE = 34  # ODCO counts members up to 34 as youth; an assumption, used in statistics


class FundingKind(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("funding kind", "Public programme")
    MICROFINANCE = "microfinance", pgettext_lazy("funding kind", "Microfinance")
    BANK = "bank", pgettext_lazy("funding kind", "Bank offer for cooperatives")
    DONOR = "donor", pgettext_lazy("funding kind", "Donor")


class FundingGroup(models.TextChoices):
    """Whom a funding source is for (any one of its groups is enough)."""

    WOMEN = "women", pgettext_lazy("funding group", "Women")
    YOUTH = "youth", pgettext_lazy("funding group", "Young people")
    JOB_SEEKERS = "job_seekers", pgettext_lazy("funding group", "Job seekers")
    COOPERATIVES = "cooperatives", pgettext_lazy("funding group", "Cooperatives")


class ProjectStage(models.TextChoices):
    IDEA = "idea", pgettext_lazy("project stage", "Idea or draft")
    FOUNDING = "founding", pgettext_lazy("project stage", "Gathering founders")
    RUNNING = "running", pgettext_lazy("project stage", "Already running")
