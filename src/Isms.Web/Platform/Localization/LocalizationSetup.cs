using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Isms.Web.Platform.Localization;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Supported = [new("en"), new("zh-TW")];

    public static IServiceCollection AddIsmsLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddScoped<DisplayFormat>();
        return services;
    }

    /// The user's saved choice (a cookie written at sign-in and on the preferences page) wins over
    /// the browser's Accept-Language; English is the fallback.
    public static IApplicationBuilder UseIsmsLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

    public static string CultureCookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}
