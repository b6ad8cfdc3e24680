namespace Isms.Core.Access;

/// <summary>Who besides the owner unit's readers may see a record.</summary>
public enum RecordAudience
{
    /// <summary>Only readers of the owner unit (managers, the handling unit, auditors) and the creator.</summary>
    Restricted,

    /// <summary>Also every person whose unit lies inside the owner unit.</summary>
    OwnerUnitMembers,

    /// <summary>Every person in scope.</summary>
    Everyone,
}

/// <summary>
/// The facts need-to-know decides on. Every record type that holds information of the agency
/// implements this, so one rule (<see cref="RecordAccess"/>) filters lists, searches, counts,
/// exports and details alike.
/// </summary>
public interface IScopedRecord
{
    /// <summary>The unit that owns the record.</summary>
    int OwnerUnitId { get; }

    /// <summary>A rank on the configured classification scale (0 = the lowest, Public by default).</summary>
    int Classification { get; }

    /// <summary>Who besides the owner unit's readers may see it.</summary>
    RecordAudience Audience { get; }

    /// <summary>The account that created or submitted the record, if any.</summary>
    Guid? CreatedById { get; }

    /// <summary>The vendor the record belongs to, if any: that vendor's staff see it.</summary>
    int? VendorId { get; }
}
