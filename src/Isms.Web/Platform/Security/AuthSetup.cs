using Isms.Web.Data;
using Isms.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Isms.Web.Platform.Security;

public static class AuthSetup
{
    public static IServiceCollection AddIsmsAuth(this IServiceCollection services, IConfiguration configuration)
    {
        // Keys live in the database so every node of a cluster reads the same cookies.
        services.AddDataProtection().SetApplicationName("isms").PersistKeysToDbContext<IsmsDbContext>();

        services.AddIdentity<Account, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = configuration.GetValue("Isms:Password:MinLength", 12);
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Isms:Lockout:MaxFailedAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Isms:Lockout:Minutes", 15));
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<IsmsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "isms.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Accounts/SignIn";
            options.LogoutPath = "/Accounts/SignOut";
            options.AccessDeniedPath = "/Accounts/Denied";
            SessionLifetime.Configure(options, configuration);
            // An API caller gets a status code, never a redirect to an HTML page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SessionLifetime.StampCheckInterval(configuration));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.PeopleRead, p => p.RequireRole(Roles.Administrator, Roles.SecurityOfficer, Roles.Manager, Roles.Auditor))
            .AddPolicy(Policies.PeopleWrite, p => p.RequireRole(Roles.Administrator, Roles.SecurityOfficer))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.RecordsRead, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.DocumentsWrite, p => p.RequireRole(Roles.SecurityOfficer, Roles.Manager))
            .AddPolicy(Policies.ClearanceWrite, p => p.RequireRole(Roles.SecurityOfficer))
            .AddPolicy(Policies.AccountsAdmin, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.AuditRead, p => p.RequireRole(Roles.Auditor, Roles.SecurityOfficer))
            .AddPolicy(Policies.CalendarWrite, p => p.RequireRole(Roles.SecurityOfficer))
            .AddPolicy(Policies.ServiceDeskHandle, p => p.RequireRole(Roles.ServiceDesk))
            .AddPolicy(Policies.ServiceDeskReport, p => p.RequireRole(Roles.ServiceDesk, Roles.SecurityOfficer, Roles.Manager, Roles.Auditor))
            .AddPolicy(Policies.ServiceDeskSettings, p => p.RequireRole(Roles.SecurityOfficer))
            .AddPolicy(Policies.AvailabilityManage, p => p.RequireRole(Roles.SecurityOfficer))
            .AddPolicy(Policies.AvailabilityDetail, p => p.RequireRole(Roles.SecurityOfficer, Roles.Manager, Roles.Auditor, Roles.Administrator))
            .AddPolicy(Policies.IncidentsTriage, p => p.RequireRole(Roles.SecurityOfficer))
            .AddPolicy(Policies.IncidentsRead, p => p.RequireRole(Roles.SecurityOfficer, Roles.Manager, Roles.Auditor))
            .AddPolicy(Policies.IncidentsApprove, p => p.RequireRole(Roles.Manager))
            .AddPolicy(Policies.IncidentsObjective, p => p.RequireRole(Roles.SecurityOfficer, Roles.Manager, Roles.Auditor))
            .AddPolicy(Policies.SanctionsRead, p => p.RequireRole(Roles.SecurityOfficer, Roles.Manager, Roles.Auditor))
            .AddPolicy(Policies.SanctionsWrite, p => p.RequireRole(Roles.SecurityOfficer));

        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
