namespace Isms.Web.Features.Documents;

public static class DocumentsSetup
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<DocumentReads>();
        services.AddScoped<DocumentWrites>();
        services.AddScoped<Platform.Demo.IDemoData, DocumentsDemoData>();
        return services;
    }
}
