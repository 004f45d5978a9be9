from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def create_staff_roles(sender, using="default", **kwargs):
    """Once per migrate (after the last app), when every model's permissions can exist."""
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is not with_models[-1]:
        return
    from django.contrib.auth.management import create_permissions

    from .roles import ensure_roles

    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    ensure_roles()


class AccountsConfig(AppConfig):
    name = "twoworlds.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(create_staff_roles, dispatch_uid="twoworlds.accounts.roles")
