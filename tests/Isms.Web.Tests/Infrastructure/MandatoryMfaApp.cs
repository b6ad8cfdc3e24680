namespace Isms.Web.Tests.Infrastructure;

/// The app with the shipped defaults of mandatory MFA (Administrator and SecurityOfficer).
public sealed class MandatoryMfaApp : SqliteApp
{
    protected override bool MandatoryMfa => true;
}
