using System.ComponentModel.DataAnnotations;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Features.Availability;

public sealed record ServiceInput : IValidatableObject
{
    [Display(Name = "Name"), Required(ErrorMessage = "Enter the name."), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string Name { get; init; } = "";

    [Display(Name = "Name (Chinese)"), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string? NameZh { get; init; }

    [Display(Name = "Description"), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string? Description { get; init; }

    /// A fraction: 0.99 is the policy's 99 %.
    [Display(Name = "Availability target")]
    public decimal Target { get; init; } = 0.99m;

    [Display(Name = "In use")]
    public bool IsActive { get; init; } = true;

    public int Version { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Target is <= 0m or >= 1m || decimal.Round(Target, 6) != Target)
        {
            yield return new ValidationResult(validationContext.Localize("The target is a fraction between 0 and 1, such as 0.99 for 99 %."), [nameof(Target)]);
        }
    }
}

public sealed record MonitorInput : IValidatableObject
{
    public const int MinInterval = 5;

    [Display(Name = "Service"), Range(1, int.MaxValue, ErrorMessage = "Choose a service.")]
    public int ServiceId { get; init; }

    [Display(Name = "Name"), Required(ErrorMessage = "Enter the name."), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string Name { get; init; } = "";

    [Display(Name = "Kind"), System.Text.Json.Serialization.JsonConverter(typeof(MonitorKindJson))]
    public MonitorKind Kind { get; init; }

    [Display(Name = "Method"), MaxLength(10, ErrorMessage = Messages.TooLong)]
    public string Method { get; init; } = "GET";

    [Display(Name = "URL"), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string? Url { get; init; }

    [Display(Name = "Expected status codes"), MaxLength(100, ErrorMessage = Messages.TooLong)]
    public string ExpectedStatus { get; init; } = "200-399";

    [Display(Name = "Body contains"), MaxLength(500, ErrorMessage = Messages.TooLong)]
    public string? BodyContains { get; init; }

    [Display(Name = "Certificate warning (days)"), Range(0, 365, ErrorMessage = "Enter 0 to 365 days.")]
    public int CertificateWarningDays { get; init; } = 14;

    [Display(Name = "Host"), MaxLength(255, ErrorMessage = Messages.TooLong)]
    public string? Host { get; init; }

    [Display(Name = "Port")]
    public int? Port { get; init; }

    [Display(Name = "Interval (seconds)"), Range(MinInterval, 86_400, ErrorMessage = "Enter an interval of 5 to 86,400 seconds.")]
    public int IntervalSeconds { get; init; } = 30;

    [Display(Name = "Timeout (seconds)"), Range(1, 300, ErrorMessage = "Enter a timeout of 1 to 300 seconds.")]
    public int TimeoutSeconds { get; init; } = 10;

    [Display(Name = "Failures that open an outage"), Range(1, 20, ErrorMessage = "Enter 1 to 20 failures.")]
    public int FailuresToOpen { get; init; } = 2;

    [Display(Name = "Critical for the service")]
    public bool Critical { get; init; } = true;

    [Display(Name = "In use")]
    public bool IsActive { get; init; } = true;

    public int Version { get; init; }

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "OPTIONS"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return new ValidationResult(validationContext.Localize("Choose HTTP, TCP or heartbeat."), [nameof(Kind)]);
            yield break;
        }

        if (TimeoutSeconds > IntervalSeconds && Kind != MonitorKind.Push)
        {
            yield return new ValidationResult(validationContext.Localize("The timeout cannot be longer than the interval."), [nameof(TimeoutSeconds)]);
        }

        if (Kind == MonitorKind.Http)
        {
            if (!Uri.TryCreate(Url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult(validationContext.Localize("Enter a full http:// or https:// address."), [nameof(Url)]);
            }

            if (!Methods.Contains((Method ?? "GET").Trim().ToUpperInvariant(), StringComparer.Ordinal))
            {
                yield return new ValidationResult(validationContext.Localize("Choose GET, HEAD, POST or OPTIONS."), [nameof(Method)]);
            }

            if (!Availability.ExpectedStatus.TryParse(ExpectedStatus, out _))
            {
                yield return new ValidationResult(validationContext.Localize("Write status codes from 100 to 599 and ranges, such as 200-299,301."), [nameof(ExpectedStatus)]);
            }
        }

        if (Kind == MonitorKind.Tcp)
        {
            if (string.IsNullOrWhiteSpace(Host) || Uri.CheckHostName(Host.Trim()) == UriHostNameType.Unknown)
            {
                yield return new ValidationResult(validationContext.Localize("Enter a host name or IP address."), [nameof(Host)]);
            }

            if (Port is not (>= 1 and <= 65_535))
            {
                yield return new ValidationResult(validationContext.Localize("Enter a port from 1 to 65535."), [nameof(Port)]);
            }
        }
    }
}

/// A hand-recorded outage, e.g. for a time the probes could not see.
public sealed record OutageInput : IValidatableObject
{
    [Display(Name = "Start")]
    public DateTimeOffset Start { get; init; }

    [Display(Name = "End")]
    public DateTimeOffset? End { get; init; }

    [Display(Name = "Cause"), Required(ErrorMessage = "Say what caused it."), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string Cause { get; init; } = "";

    [Display(Name = "Affected services")]
    public IReadOnlyList<int> ServiceIds { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Start == default)
        {
            yield return new ValidationResult(validationContext.Localize("Enter when it started."), [nameof(Start)]);
        }

        if (End is { } end && end <= Start)
        {
            yield return new ValidationResult(validationContext.Localize("The end must be after the start."), [nameof(End)]);
        }

        if (ServiceIds.Count == 0)
        {
            yield return new ValidationResult(validationContext.Localize("Choose at least one service."), [nameof(ServiceIds)]);
        }
    }
}

/// A change to an outage: new times or cause, always with the reason (it goes to the audit trail).
public sealed record OutageChangeInput : IValidatableObject
{
    [Display(Name = "Start")]
    public DateTimeOffset Start { get; init; }

    [Display(Name = "End")]
    public DateTimeOffset? End { get; init; }

    [Display(Name = "Cause"), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string? Cause { get; init; }

    [Display(Name = "Reason for the change"), Required(ErrorMessage = "Give the reason for the change."), MaxLength(1000, ErrorMessage = Messages.TooLong)]
    public string Reason { get; init; } = "";

    public int Version { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Start == default)
        {
            yield return new ValidationResult(validationContext.Localize("Enter when it started."), [nameof(Start)]);
        }

        if (End is { } end && end <= Start)
        {
            yield return new ValidationResult(validationContext.Localize("The end must be after the start."), [nameof(End)]);
        }
    }
}

/// The version the caller last read, for an action that needs nothing else (confirming an outage).
public sealed record VersionInput
{
    public int Version { get; init; }
}

public sealed record OutageReasonInput
{
    [Display(Name = "Reason"), Required(ErrorMessage = "Give the reason."), MaxLength(1000, ErrorMessage = Messages.TooLong)]
    public string Reason { get; init; } = "";

    public int Version { get; init; }
}

public sealed record MaintenanceInput : IValidatableObject
{
    [Display(Name = "Service"), Range(1, int.MaxValue, ErrorMessage = "Choose a service.")]
    public int ServiceId { get; init; }

    [Display(Name = "Start")]
    public DateTimeOffset Start { get; init; }

    [Display(Name = "End")]
    public DateTimeOffset End { get; init; }

    [Display(Name = "Notice"), Required(ErrorMessage = "Write the notice users will read."), MaxLength(2000, ErrorMessage = Messages.TooLong)]
    public string Notice { get; init; } = "";

    public int Version { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Start == default)
        {
            yield return new ValidationResult(validationContext.Localize("Enter when it starts."), [nameof(Start)]);
        }

        if (End <= Start)
        {
            yield return new ValidationResult(validationContext.Localize("The end must be after the start."), [nameof(End)]);
        }
    }
}

public sealed record AvailabilitySettingsInput
{
    [Display(Name = "Maintenance counts as downtime")]
    public bool MaintenanceCountsAsDowntime { get; init; }

    [Display(Name = "Certificate warning (days)"), Range(1, 365, ErrorMessage = "Enter 1 to 365 days.")]
    public int CertificateWarningDays { get; init; } = 14;

    public int Version { get; init; }
}
