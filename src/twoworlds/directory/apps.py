from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


def restore_seeded_taxonomy(sender, app_config=None, using="default", **kwargs):
    """The issue taxonomy and languages come from data migrations. A database that was flushed (`flush`,
    or a transactional test, which flushes and then sends post_migrate) gets them back when it has none at
    all; a directory without its taxonomy cannot be searched or filled in."""
    if app_config is None or app_config.label != "directory":
        return
    from . import seeds
    from .models import Category, Language

    if not Category.objects.using(using).exists():
        seeds.load(Category, Language)
        seeds.add_more_lay_terms(Category)


class DirectoryConfig(AppConfig):
    name = "twoworlds.directory"
    label = "directory"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .models import Category, Language
        from .queries import forget_taxonomy

        post_migrate.connect(restore_seeded_taxonomy, dispatch_uid="twoworlds.directory.seeded_taxonomy")
        post_migrate.connect(forget_taxonomy, dispatch_uid="twoworlds.directory.forget_taxonomy")
        for model in (Category, Language):
            for signal in (post_save, post_delete):
                uid = f"twoworlds.directory.forget_taxonomy.{model.__name__}"
                signal.connect(forget_taxonomy, sender=model, dispatch_uid=uid)
