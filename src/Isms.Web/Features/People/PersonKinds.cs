namespace Isms.Web.Features.People;

/// Names of the kinds of person as people write them in a spreadsheet: the English code or the
/// zh-TW word the personnel office uses.
public static class PersonKinds
{
    private static readonly Dictionary<string, PersonKind> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["正式員工"] = PersonKind.Employee,
        ["員工"] = PersonKind.Employee,
        ["約聘"] = PersonKind.Contract,
        ["約聘人員"] = PersonKind.Contract,
        ["工讀"] = PersonKind.WorkStudy,
        ["工讀生"] = PersonKind.WorkStudy,
        ["替代役"] = PersonKind.AlternativeMilitaryService,
        ["廠商人員"] = PersonKind.VendorStaff,
        ["廠商"] = PersonKind.VendorStaff,
    };

    public static bool TryParse(string? text, out PersonKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (Words.TryGetValue(trimmed, out kind))
        {
            return true;
        }

        return !int.TryParse(trimmed, out _) && Enum.TryParse(trimmed.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }
}
