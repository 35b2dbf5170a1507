using Sharekeep.Core.Links;
using Sharekeep.Core.Resources;

namespace Sharekeep.Core.Telemetry;

/// <summary>The fixed label values of <c>sharekeep.resolves</c>: what kind of link was opened and how it ended.</summary>
public static class VisitOutcomes
{
    public const string Ok = "ok";
    public const string Unknown = "unknown";
    public const string Revoked = "revoked";
    public const string Expired = "expired";
    public const string SharingOff = "sharing_off";
    public const string PasswordRequired = "password_required";
    public const string WrongPassword = "wrong_password";
    public const string TooManyAttempts = "too_many_attempts";
    public const string Busy = "busy";

    public const string FileKind = "file";

    public static string KindName(ResourceKind kind) => kind == ResourceKind.Report ? "report" : "dashboard";

    public static string Of(VisitStatus status) => status switch
    {
        VisitStatus.Ok => Ok,
        VisitStatus.Unknown => Unknown,
        VisitStatus.Revoked => Revoked,
        VisitStatus.Expired => Expired,
        VisitStatus.PasswordRequired => PasswordRequired,
        VisitStatus.InvalidPassword => WrongPassword,
        VisitStatus.ExternalSharingDisabled => SharingOff,
        VisitStatus.TooManyAttempts => TooManyAttempts,
        _ => Busy,
    };
}
