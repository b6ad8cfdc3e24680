namespace Isms.Web.Features.ServiceDesk;

/// The systems and modules of the Cargo Clearance Automation System a form can be about:
/// `Isms:ServiceDesk:Modules` in isms.json, or this starting list.
public sealed class QaModules(IConfiguration configuration)
{
    private static readonly string[] Defaults =
    [
        "進口通關 Import clearance",
        "出口通關 Export clearance",
        "艙單 Manifests",
        "轉運 Transshipment",
        "稅費 Duties and fees",
        "查驗 Inspection",
        "放行 Release",
        "保稅 Bonded warehouses",
        "關貿網路連線 Trade-Van connection",
        "其他 Other",
    ];

    public IReadOnlyList<string> All =>
        configuration.GetSection("Isms:ServiceDesk:Modules").Get<string[]>() is { Length: > 0 } configured ? configured : Defaults;
}
