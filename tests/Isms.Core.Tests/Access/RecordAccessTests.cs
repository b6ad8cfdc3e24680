using Isms.Core.Access;

namespace Isms.Core.Tests.Access;

public sealed class RecordAccessTests
{
    private sealed record Rec(int OwnerUnitId, int Classification, RecordAudience Audience, Guid? CreatedById = null, int? VendorId = null) : IScopedRecord;

    private static readonly Guid Me = Guid.NewGuid();

    private static CallerScope Scope(int clearance, bool allUnits = false, int[]? readable = null, int[]? member = null, int? vendor = null) =>
        new(Me, clearance, allUnits, readable ?? [], member ?? [], vendor, InScope: true);

    [Fact]
    public void ClearanceBelowTheLevel_HidesTheRecord_EvenFromItsUnitsReaders() =>
        Assert.False(new Rec(1, 3, RecordAudience.Everyone).IsVisibleTo(Scope(2, allUnits: true)));

    [Fact]
    public void Restricted_IsSeenByTheUnitsReadersAndTheCreatorOnly()
    {
        var record = new Rec(5, 1, RecordAudience.Restricted, CreatedById: Me);
        Assert.True(record.IsVisibleTo(Scope(1, readable: [5])));
        Assert.True(record.IsVisibleTo(Scope(1)));
        Assert.False((record with { CreatedById = Guid.NewGuid() }).IsVisibleTo(Scope(1, member: [5])));
    }

    [Fact]
    public void OwnerUnitMembers_IsSeenFromInsideTheUnit() =>
        Assert.Equal(
            (true, false),
            (new Rec(5, 1, RecordAudience.OwnerUnitMembers).IsVisibleTo(Scope(1, member: [9, 5])),
             new Rec(5, 1, RecordAudience.OwnerUnitMembers).IsVisibleTo(Scope(1, member: [9]))));

    [Fact]
    public void VendorRecord_IsSeenByThatVendorsStaffOnly() =>
        Assert.Equal(
            (true, false),
            (new Rec(5, 1, RecordAudience.Restricted, VendorId: 7).IsVisibleTo(Scope(1, vendor: 7)),
             new Rec(5, 1, RecordAudience.Restricted, VendorId: 8).IsVisibleTo(Scope(1, vendor: 7))));

    [Fact]
    public void Nobody_SeesNothing() =>
        Assert.False(new Rec(1, 0, RecordAudience.Everyone).IsVisibleTo(CallerScope.Nobody(Me)));
}
