"""Wagtail admin user forms for our user model: the phone number identifies, e-mail is optional."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class OptionalEmailMixin(forms.Form):
    email = forms.EmailField(required=False, label=_("e-mail address"))


class AcademyUserCreationForm(OptionalEmailMixin, UserCreationForm):
    pass


class AcademyUserEditForm(OptionalEmailMixin, UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return AcademyUserEditForm if for_update else AcademyUserCreationForm
