from django.db import migrations

from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.trigram import trigram_operation


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0004_drop_deleted_at_index")]

    operations = [
        trigram_operation(
            "cooperation_engagement", [f"title_{lang}" for lang in UN_LANGUAGES]
        )
    ]
