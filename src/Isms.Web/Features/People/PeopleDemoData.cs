using Isms.Web.Data;
using Isms.Web.Features.Organisation;
using Isms.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Isms.Web.Features.People;

/// A realistic customs administration: the Directorate General's departments and offices, the four
/// Customs offices with their sections, three vendors and about 200 persons of every kind. The
/// names come from a fixed seed, so every demonstration shows the same people.
public sealed class PeopleDemoData(TimeProvider clock) : IDemoData
{
    private static readonly (string Code, string Name, string NameZh, UnitKind Kind, string? Parent, string Location)[] Units =
    [
        ("DG", "Customs Administration, Directorate General", "財政部關務署", UnitKind.Directorate, null, "Taipei City"),
        ("DG-PLN", "Planning Division", "綜合規劃組", UnitKind.Department, "DG", "Taipei City"),
        ("DG-OPS", "Customs Operations Division", "關務業務組", UnitKind.Department, "DG", "Taipei City"),
        ("DG-ENF", "Enforcement Division", "查緝業務組", UnitKind.Department, "DG", "Taipei City"),
        ("DG-AUD", "Audit Division", "稽核業務組", UnitKind.Department, "DG", "Taipei City"),
        ("DG-IM", "Department of Information Management", "資訊管理組", UnitKind.Department, "DG", "Taipei City"),
        ("DG-SEC", "Secretariat", "秘書室", UnitKind.Office, "DG", "Taipei City"),
        ("DG-PER", "Personnel Office", "人事室", UnitKind.Office, "DG", "Taipei City"),
        ("DG-ETH", "Civil Service Ethics Office", "政風室", UnitKind.Office, "DG", "Taipei City"),
        ("DG-ACC", "Accounting Office", "主計室", UnitKind.Office, "DG", "Taipei City"),
        ("KLC", "Keelung Customs", "基隆關", UnitKind.Customs, "DG", "Keelung City"),
        ("KLC-OPS", "Keelung Customs, Operations Section", "基隆關業務一課", UnitKind.Section, "KLC", "Keelung City"),
        ("TPC", "Taipei Customs", "臺北關", UnitKind.Customs, "DG", "Taoyuan City"),
        ("TPC-OPS", "Taipei Customs, Operations Section", "臺北關業務一課", UnitKind.Section, "TPC", "Taoyuan City"),
        ("TCC", "Taichung Customs", "臺中關", UnitKind.Customs, "DG", "Taichung City"),
        ("TCC-OPS", "Taichung Customs, Operations Section", "臺中關業務一課", UnitKind.Section, "TCC", "Taichung City"),
        ("KHC", "Kaohsiung Customs", "高雄關", UnitKind.Customs, "DG", "Kaohsiung City"),
        ("KHC-OPS", "Kaohsiung Customs, Operations Section", "高雄關業務一課", UnitKind.Section, "KHC", "Kaohsiung City"),
    ];

    private static readonly (string Name, VendorKind Kind, string Contract)[] Vendors =
    [
        ("Formosa Systems Integration Co., Ltd.", VendorKind.ContractSigned, "IM-113-021"),
        ("Harbour Data Services Co.", VendorKind.Outsourced, "IM-114-007"),
        ("Jade Network Security Inc.", VendorKind.ContractSigned, "IM-114-015"),
    ];

    private static readonly string[] Surnames = ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "洪", "郭", "邱", "曾", "廖", "賴", "徐"];
    private static readonly string[] Given = ["志明", "淑芬", "家豪", "怡君", "俊傑", "雅婷", "冠宇", "佳穎", "建宏", "美玲", "宗翰", "欣怡", "承恩", "詩涵", "柏翰", "思妤", "明哲", "郁婷", "彥廷", "惠如"];
    private static readonly string[] Functions = ["Customs officer", "Clearance inspector", "System administrator", "Application developer", "Help desk", "Network engineer", "Auditor", "Clerk", "Database administrator", "Security analyst"];

    public int Order => 100;

    public async Task<bool> SeedAsync(IsmsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<Unit>().AnyAsync(u => u.Code == "DG", cancellationToken))
        {
            return false;
        }

        var units = new Dictionary<string, Unit>();
        foreach (var (code, name, nameZh, kind, parent, location) in Units)
        {
            var unit = new Unit { Code = code, Name = name, NameZh = nameZh, Kind = kind, Location = location };
            units[code] = unit;
            db.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            unit.ParentId = parent is null ? null : units[parent].Id;
        }

        var vendors = Vendors.Select(v => new Vendor
        {
            Name = v.Name,
            Kind = v.Kind,
            ContractNumber = v.Contract,
            ContractStart = new DateOnly(2025, 1, 1),
            ContractEnd = new DateOnly(2027, 12, 31),
            ContactName = "Account manager",
            ContactEmail = $"contact@{v.Name.Split(' ')[0].ToLowerInvariant()}.example",
        }).ToList();
        db.AddRange(vendors);
        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var random = new Random(20260101);
        var unitList = units.Values.Where(u => u.Kind != UnitKind.Directorate).ToList();
        var persons = new List<Person>();
        for (var i = 1; i <= 200; i++)
        {
            var kind = i switch { <= 150 => PersonKind.Employee, <= 165 => PersonKind.Contract, <= 172 => PersonKind.WorkStudy, <= 178 => PersonKind.AlternativeMilitaryService, _ => PersonKind.VendorStaff };
            var vendor = kind == PersonKind.VendorStaff ? vendors[i % vendors.Count] : null;
            var unit = kind == PersonKind.VendorStaff ? units["DG-IM"] : unitList[random.Next(unitList.Count)];
            var person = new Person
            {
                EmployeeNumber = kind == PersonKind.VendorStaff ? null : $"C{i:D5}",
                FullName = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
                Email = $"user{i:D3}@customs.example",
                Kind = kind,
                UnitId = unit.Id,
                VendorId = vendor?.Id,
                JobFunction = unit.Code == "DG-IM" || vendor is not null ? Functions[2 + random.Next(4)] : Functions[random.Next(Functions.Length)],
                ActiveFrom = new DateOnly(2010 + random.Next(16), 1 + random.Next(12), 1),
                ActiveTo = i % 40 == 0 ? new DateOnly(2025, 12, 31) : null,
                CreatedAt = now,
                UpdatedAt = now,
                // Most staff read internal documents; a few have not signed the agreement yet.
                Clearance = 1,
                AgreementSigned = i % 10 != 0,
            };
            person.RefreshSearchText();
            persons.Add(person);
        }

        // The handling unit reads everything; the heads read up to Sensitive.
        persons[2].Clearance = persons[3].Clearance = 3;
        persons[0].Clearance = persons[1].Clearance = 2;
        persons[0].AgreementSigned = persons[1].AgreementSigned = persons[2].AgreementSigned = persons[3].AgreementSigned = true;
        db.AddRange(persons);
        await db.SaveChangesAsync(cancellationToken);

        db.AddRange(
            new Responsibility { PersonId = persons[0].Id, UnitId = units["DG"].Id, Kind = ResponsibilityKind.TopManagement, From = new DateOnly(2024, 1, 1) },
            new Responsibility { PersonId = persons[1].Id, UnitId = units["DG-IM"].Id, Kind = ResponsibilityKind.DepartmentHead, From = new DateOnly(2024, 1, 1) },
            new Responsibility { PersonId = persons[2].Id, UnitId = units["DG-IM"].Id, Kind = ResponsibilityKind.HandlingUnit, From = new DateOnly(2024, 1, 1) },
            new Responsibility { PersonId = persons[3].Id, UnitId = units["DG-IM"].Id, Kind = ResponsibilityKind.HandlingUnit, From = new DateOnly(2024, 1, 1) });
        foreach (var code in new[] { "KLC", "TPC", "TCC", "KHC" })
        {
            var head = persons.First(p => p.UnitId == units[code + "-OPS"].Id || p.UnitId == units[code].Id);
            db.Add(new Responsibility { PersonId = head.Id, UnitId = units[code].Id, Kind = ResponsibilityKind.TopManagement, From = new DateOnly(2024, 1, 1) });
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
