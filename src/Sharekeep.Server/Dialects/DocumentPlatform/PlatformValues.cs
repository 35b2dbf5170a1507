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
    public const int ReadWrite = 1;
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

/// <summary>FileType: what kind of document a file is, from its extension.</summary>
internal static class PlatformFileType
{
    public const int Unknown = 0;
    public const int Archive = 1;
    public const int Video = 2;
    public const int Audio = 3;
    public const int Image = 4;
    public const int Spreadsheet = 5;
    public const int Presentation = 6;
    public const int Document = 7;
    public const int Pdf = 10;
    public const int Diagram = 11;
}

/// <summary>FolderType of the one folder Sharekeep has: the user's own documents ("@my").</summary>
internal static class PlatformFolder
{
    public const string My = "@my";

    /// <summary>The id the folder answers as, and is accepted by, where the platform wants a number.</summary>
    public const int MyId = 1;

    public const int UserFolderType = 5;
}

/// <summary>FileOperationType of the operations Sharekeep answers.</summary>
internal static class FileOperationType
{
    public const int Delete = 2;
}

/// <summary>Thumbnail status: Sharekeep makes no thumbnails.</summary>
internal static class PlatformThumbnail
{
    public const int NotRequired = 3;
}

/// <summary>FormFillingStatus: Sharekeep's files are not forms.</summary>
internal static class PlatformFormFilling
{
    public const int None = 0;
}
