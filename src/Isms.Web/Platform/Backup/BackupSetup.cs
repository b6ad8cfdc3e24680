namespace Isms.Web.Platform.Backup;

public static class BackupSetup
{
    public static IServiceCollection AddBackup(this IServiceCollection services) => services.AddSingleton<DatabaseBackup>();
}
