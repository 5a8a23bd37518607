"""Every write of the media pipeline. Tasks, views, commands and api.py call these functions."""
