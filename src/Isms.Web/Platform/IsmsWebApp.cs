using Isms.Web.Data;
using Isms.Web.Features.Access;
using Isms.Web.Features.Accounts;
using Isms.Web.Features.Audit;
using Isms.Web.Features.Availability;
using Isms.Web.Features.Calendar;
using Isms.Web.Features.Documents;
using Isms.Web.Features.Home;
using Isms.Web.Features.Incidents;
using Isms.Web.Features.Mail;
using Isms.Web.Features.Organisation;
using Isms.Web.Features.People;
using Isms.Web.Features.ServiceDesk;
using Isms.Web.Features.Tokens;
using Isms.Web.Platform.Backup;
using Isms.Web.Platform.Demo;
using Isms.Web.Platform.Errors;
using Isms.Web.Platform.Files;
using Isms.Web.Platform.Health;
using Isms.Web.Platform.Localization;
using Isms.Web.Platform.Security;
using Isms.Web.Platform.Time;

namespace Isms.Web.Platform;

/// The table of contents of the application: every feature's AddX() and MapX(). The CLI, the
/// server and the tests all build the app through here, so they share one set of registrations.
public static class IsmsWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(IsmsWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        // An operator's settings file next to where the server is started, read after the shipped defaults.
        builder.Configuration.AddJsonFile(Path.GetFullPath("isms.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        configure?.Invoke(builder);

        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long>("Isms:MaxRequestBodyBytes", 1_048_576));

        var services = builder.Services;
        services.AddHttpContextAccessor();
        // Chinese names are written as characters, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddIsmsTime(builder.Configuration);
        services.AddIsmsDatabase(builder.Configuration);
        services.AddIsmsProblems();
        services.AddIsmsHealth();
        services.AddIsmsLocalization();
        services.AddIsmsFiles();
        services.AddIsmsAuth(builder.Configuration);
        services.AddIsmsForwardedHeaders(builder.Configuration);
        services.AddValidation();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi("v1");
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "isms.antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddDemoData();
        services.AddBackup();

        services.AddAudit(builder.Configuration);
        services.AddAccounts();
        services.AddAccess(builder.Configuration);
        services.AddOrganisation();
        services.AddPeople();
        services.AddDocuments();
        services.AddTokens();
        services.AddMail(builder.Configuration);
        services.AddCalendar();
        services.AddServiceDesk();
        services.AddAvailability();
        services.AddIncidents();

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void Configure(WebApplication app)
    {
        var behindProxy = ForwardedHeadersSetup.IsConfigured(app.Configuration);
        if (behindProxy)
        {
            app.UseForwardedHeaders();
        }

        var isApi = (HttpContext context) => context.Request.Path.StartsWithSegments("/api");
        app.UseWhen(isApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !isApi(c), pages => pages.UseExceptionHandler("/Error").UseStatusCodePagesWithReExecute("/Status", "?code={0}"));

        if (HttpsIsConfigured(app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        else if (behindProxy)
        {
            // TLS ends at the proxy: HSTS goes on the answers to requests that came in over HTTPS.
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseIsmsLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAccountGates();
        app.UseTokenScopeGate();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapIsmsHealth();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        app.MapRazorPages();
        app.MapAccounts();
        app.MapHome();
        app.MapOrganisation();
        app.MapPeople();
        app.MapDocuments();
        app.MapAccess();
        app.MapTokens();
        app.MapAudit();
        app.MapCalendar();
        app.MapServiceDesk();
        app.MapAvailability();
        app.MapIncidents();
    }

    public static bool HttpsIsConfigured(IConfiguration configuration) =>
        configuration["Kestrel:Certificates:Default:Path"] is not null
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => e["Url"]?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true)
        || configuration["Urls"]?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true;
}
