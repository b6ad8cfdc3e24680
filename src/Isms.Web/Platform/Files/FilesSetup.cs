namespace Isms.Web.Platform.Files;

public static class FilesSetup
{
    public static IServiceCollection AddIsmsFiles(this IServiceCollection services) => services.AddScoped<FileChecks>();
}
