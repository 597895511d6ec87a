import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0005_article_near_duplicates'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Articles already stored were indexed by the code that stored them
        # (check_index finds any that were not): they start marked indexed;
        # new ones start unmarked.
        migrations.AddField(
            model_name='article',
            name='indexed',
            field=models.BooleanField(db_index=True, default=True, editable=False),
        ),
        migrations.AlterField(
            model_name='article',
            name='indexed',
            field=models.BooleanField(db_index=True, default=False, editable=False),
        ),
        migrations.AddField(
            model_name='article',
            name='original_sha256',
            field=models.CharField(blank=True, editable=False, max_length=64, verbose_name='بصمة SHA-256 للملف الأصلي'),
        ),
        migrations.CreateModel(
            name='Job',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('stage_upload', 'قراءة دفعة مرفوعة'), ('confirm_upload', 'حفظ دفعة مرفوعة'), ('retag', 'إعادة الوسم'), ('regroup', 'إعادة تجميع الأخبار المتشابهة'), ('rebuild_index', 'إعادة بناء فهرس البحث')], max_length=20, verbose_name='العمل')),
                ('state', models.CharField(choices=[('queued', 'في الانتظار'), ('running', 'قيد التنفيذ'), ('done', 'اكتمل'), ('failed', 'فشل')], default='queued', max_length=10, verbose_name='الحالة')),
                ('params', models.JSONField(blank=True, default=dict, editable=False)),
                ('done', models.PositiveIntegerField(default=0, verbose_name='أُنجز')),
                ('total', models.PositiveIntegerField(default=0, verbose_name='من أصل')),
                ('result', models.JSONField(blank=True, default=dict, verbose_name='النتيجة')),
                ('error', models.TextField(blank=True, verbose_name='الخطأ')),
                ('task_id', models.CharField(blank=True, editable=False, max_length=64)),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='طُلب')),
                ('started', models.DateTimeField(blank=True, null=True, verbose_name='بدأ')),
                ('finished', models.DateTimeField(blank=True, null=True, verbose_name='انتهى')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='archive_jobs', to=settings.AUTH_USER_MODEL, verbose_name='طلبه')),
            ],
            options={
                'verbose_name': 'عمل في الخلفية',
                'verbose_name_plural': 'الأعمال في الخلفية',
                'ordering': ['-created'],
            },
        ),
        migrations.CreateModel(
            name='UploadBatch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='وقت الرفع')),
                ('confirmed', models.DateTimeField(blank=True, null=True, verbose_name='وقت التأكيد')),
                ('files', models.JSONField(blank=True, default=list, verbose_name='الملفات')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='upload_batches', to=settings.AUTH_USER_MODEL, verbose_name='رفعه')),
            ],
            options={
                'verbose_name': 'دفعة رفع',
                'verbose_name_plural': 'دفعات الرفع',
                'ordering': ['-created'],
            },
        ),
        migrations.AddField(
            model_name='article',
            name='upload_batch',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='articles', to='archive.uploadbatch', verbose_name='دفعة الرفع'),
        ),
    ]
