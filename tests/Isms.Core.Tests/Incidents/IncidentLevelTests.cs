using Isms.Core.Incidents;

namespace Isms.Core.Tests.Incidents;

/// The level rule of Taiwan's incident regulation as issue 6 states it, every cell of its table.
public sealed class IncidentLevelTests
{
    public static TheoryData<ImpactAspect, ImpactSeverity?, bool?, ImpactScope, bool, int> Table()
    {
        var data = new TheoryData<ImpactAspect, ImpactSeverity?, bool?, ImpactScope, bool, int>();
        foreach (var aspect in new[] { ImpactAspect.Confidentiality, ImpactAspect.Integrity })
        {
            // confidentiality or integrity, minor: 1 2 3 3 4
            data.Add(aspect, ImpactSeverity.Minor, null, ImpactScope.NonCore, false, 1);
            data.Add(aspect, ImpactSeverity.Minor, null, ImpactScope.Core, false, 2);
            data.Add(aspect, ImpactSeverity.Minor, null, ImpactScope.Core, true, 3);
            data.Add(aspect, ImpactSeverity.Minor, null, ImpactScope.OfficialSecret, false, 3);
            data.Add(aspect, ImpactSeverity.Minor, null, ImpactScope.NationalSecret, false, 4);
            // confidentiality or integrity, serious: 2 3 4 4 4
            data.Add(aspect, ImpactSeverity.Serious, null, ImpactScope.NonCore, false, 2);
            data.Add(aspect, ImpactSeverity.Serious, null, ImpactScope.Core, false, 3);
            data.Add(aspect, ImpactSeverity.Serious, null, ImpactScope.Core, true, 4);
            data.Add(aspect, ImpactSeverity.Serious, null, ImpactScope.OfficialSecret, false, 4);
            data.Add(aspect, ImpactSeverity.Serious, null, ImpactScope.NationalSecret, false, 4);
        }

        // availability, restored within the tolerable time: 1 2 3; not restored: 2 3 4
        data.Add(ImpactAspect.Availability, null, true, ImpactScope.NonCore, false, 1);
        data.Add(ImpactAspect.Availability, null, true, ImpactScope.Core, false, 2);
        data.Add(ImpactAspect.Availability, null, true, ImpactScope.Core, true, 3);
        data.Add(ImpactAspect.Availability, null, false, ImpactScope.NonCore, false, 2);
        data.Add(ImpactAspect.Availability, null, false, ImpactScope.Core, false, 3);
        data.Add(ImpactAspect.Availability, null, false, ImpactScope.Core, true, 4);
        // Critical infrastructure raises core business only.
        data.Add(ImpactAspect.Confidentiality, ImpactSeverity.Minor, null, ImpactScope.NonCore, true, 1);
        data.Add(ImpactAspect.Availability, null, false, ImpactScope.NonCore, true, 2);
        data.Add(ImpactAspect.Integrity, ImpactSeverity.Minor, null, ImpactScope.OfficialSecret, true, 3);
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Level_EachCellOfTheTable(ImpactAspect aspect, ImpactSeverity? severity, bool? restored, ImpactScope scope, bool critical, int level)
    {
        var impact = new Impact(aspect, scope, critical, severity, restored);
        Assert.Empty(impact.Problems());
        Assert.Equal(level, IncidentLevel.Of(impact));
        var grade = IncidentLevel.Of([impact]);
        Assert.Equal((level, level >= 3), (grade.Level, grade.Major));
    }

    [Fact]
    public void Level_SeveralImpacts_TheHighestWins()
    {
        var grade = IncidentLevel.Of(
        [
            new Impact(ImpactAspect.Availability, ImpactScope.NonCore, RestoredWithinTolerableTime: true),
            new Impact(ImpactAspect.Confidentiality, ImpactScope.Core, Severity: ImpactSeverity.Serious),
            new Impact(ImpactAspect.Integrity, ImpactScope.NonCore, Severity: ImpactSeverity.Minor),
        ]);
        Assert.Equal(3, grade.Level);
        Assert.True(grade.Major);
        Assert.Equal([1, 3, 1], grade.Reasons.Select(r => r.Level));
    }

    [Fact]
    public void Level_EveryCombinationOfTwo_IsTheLargerOfTheirLevels()
    {
        var impacts = Table().Select(row => new Impact((ImpactAspect)row[0], (ImpactScope)row[3], (bool)row[4], (ImpactSeverity?)row[1], (bool?)row[2])).ToList();
        foreach (var a in impacts)
        {
            foreach (var b in impacts)
            {
                Assert.Equal(Math.Max(IncidentLevel.Of(a), IncidentLevel.Of(b)), IncidentLevel.Of([a, b]).Level);
            }
        }
    }

    [Theory]
    [InlineData(ImpactScope.OfficialSecret)]
    [InlineData(ImpactScope.NationalSecret)]
    public void Problems_AvailabilityOfASecret_NamesTheScope(ImpactScope scope)
    {
        var impact = new Impact(ImpactAspect.Availability, scope, RestoredWithinTolerableTime: true);
        Assert.Equal([new ImpactProblem(nameof(Impact.Scope), ImpactProblemKind.SecretNotAvailability)], impact.Problems());
        Assert.Throws<ArgumentException>(() => IncidentLevel.Of(impact));
    }

    [Fact]
    public void Problems_MissingSeverityOrRestoration_NamesTheField()
    {
        Assert.Equal([new ImpactProblem(nameof(Impact.Severity), ImpactProblemKind.Missing)],
            new Impact(ImpactAspect.Integrity, ImpactScope.Core).Problems());
        Assert.Equal([new ImpactProblem(nameof(Impact.RestoredWithinTolerableTime), ImpactProblemKind.Missing)],
            new Impact(ImpactAspect.Availability, ImpactScope.Core).Problems());
        Assert.Equal([new ImpactProblem(nameof(Impact.Aspect), ImpactProblemKind.Unknown)],
            new Impact((ImpactAspect)9, ImpactScope.Core).Problems());
    }

    [Fact]
    public void Level_NoImpacts_Refused() => Assert.Throws<ArgumentException>(() => IncidentLevel.Of([]));
}
