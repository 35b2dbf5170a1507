namespace Sharekeep.Server.Dialects.DocumentPlatform;

// The platform's numbers, named as its API names them. They go on the wire as numbers, so they are constants
// rather than enums (which the JSON options would otherwise be free to write as names).

/// <summary>ExternalShareStatus: what a visitor's key opens.</summary>
internal static class ExternalShareStatus
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int Expired = 2;
    public const int RequiredPassword = 3;
    public const int InvalidPassword = 4;
    public const int ExternalAccessDenied = 5;
}

/// <summary>FileShare: the access levels that Sharekeep's read-only links understand.</summary>
internal static class FileShareAccess
{
    public const int None = 0;
    public const int Read = 2;
    public const int Restrict = 3;
}

/// <summary>LinkType of a shared link: Sharekeep's links are all external.</summary>
internal static class FileShareLinkType
{
    public const int External = 1;
}

/// <summary>SubjectType of an access entry whose subject is a link.</summary>
internal static class ShareSubjectType
{
    public const int ExternalLink = 1;
    public const int PrimaryExternalLink = 4;
}

/// <summary>FileEntryType: what a key opens (Sharekeep's keys open files).</summary>
internal static class FileEntryType
{
    public const int File = 2;
}

/// <summary>The envelope's own status: 0 for an answer, 1 for an error.</summary>
internal static class EnvelopeStatus
{
    public const int Ok = 0;
    public const int Error = 1;
}
