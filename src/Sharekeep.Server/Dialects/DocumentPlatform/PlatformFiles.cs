using System.Globalization;
using Sharekeep.Core.Files;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>Files as the platform names and describes them.</summary>
internal static class PlatformFiles
{
    private static readonly string[] SizeUnits = ["bytes", "KB", "MB", "GB", "TB"];

    private static readonly Dictionary<string, int> TypesByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".zip"] = PlatformFileType.Archive,
        [".tar"] = PlatformFileType.Archive,
        [".gz"] = PlatformFileType.Archive,
        [".7z"] = PlatformFileType.Archive,
        [".rar"] = PlatformFileType.Archive,
        [".mp4"] = PlatformFileType.Video,
        [".webm"] = PlatformFileType.Video,
        [".mov"] = PlatformFileType.Video,
        [".avi"] = PlatformFileType.Video,
        [".mp3"] = PlatformFileType.Audio,
        [".wav"] = PlatformFileType.Audio,
        [".ogg"] = PlatformFileType.Audio,
        [".flac"] = PlatformFileType.Audio,
        [".png"] = PlatformFileType.Image,
        [".jpg"] = PlatformFileType.Image,
        [".jpeg"] = PlatformFileType.Image,
        [".gif"] = PlatformFileType.Image,
        [".webp"] = PlatformFileType.Image,
        [".svg"] = PlatformFileType.Image,
        [".bmp"] = PlatformFileType.Image,
        [".xlsx"] = PlatformFileType.Spreadsheet,
        [".xls"] = PlatformFileType.Spreadsheet,
        [".ods"] = PlatformFileType.Spreadsheet,
        [".csv"] = PlatformFileType.Spreadsheet,
        [".pptx"] = PlatformFileType.Presentation,
        [".ppt"] = PlatformFileType.Presentation,
        [".odp"] = PlatformFileType.Presentation,
        [".docx"] = PlatformFileType.Document,
        [".doc"] = PlatformFileType.Document,
        [".odt"] = PlatformFileType.Document,
        [".rtf"] = PlatformFileType.Document,
        [".txt"] = PlatformFileType.Document,
        [".md"] = PlatformFileType.Document,
        [".pdf"] = PlatformFileType.Pdf,
        [".vsdx"] = PlatformFileType.Diagram,
    };

    /// <summary>
    /// The file a path's {fileId} names: the platform's integer id, or the GUID that integrations written before
    /// integer ids exist send. Anything else names no file.
    /// </summary>
    public static Task<StoredFile?> FindAsync(FileService files, string fileId, CancellationToken cancellationToken)
    {
        if (int.TryParse(fileId, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return files.FindByNumberAsync(number, cancellationToken);
        }
        return Guid.TryParse(fileId, out var id) ? files.FindAsync(id, cancellationToken) : Task.FromResult<StoredFile?>(null);
    }

    public static PlatformFileResponse ToResponse(StoredFile file, bool shared, HttpRequest request)
    {
        var created = PlatformDates.Write(file.Created);
        var extension = Path.GetExtension(file.Name);
        return new PlatformFileResponse(
            file.Number,
            PlatformFolder.MyId,
            PlatformFolder.MyId,
            FileShareAccess.ReadWrite,
            false,
            PlatformThumbnail.NotRequired,
            PlatformFormFilling.None,
            false,
            shared,
            false,
            file.Name,
            1,
            1,
            SizeText(file.Size),
            file.Size,
            0,
            $"{PublicUrls.BaseOf(request)}/api/v1/files/{file.Id}/content",
            TypesByExtension.GetValueOrDefault(extension, PlatformFileType.Unknown),
            extension.ToLowerInvariant(),
            false,
            false,
            shared,
            true,
            created,
            created,
            PlatformFolder.UserFolderType,
            FileEntryType.File);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<PlatformError> NotFound(string fileId) =>
        PlatformResults.Error(StatusCodes.Status404NotFound, $"There is no file with id {fileId}.");

    /// <summary>The size as the platform words it for people ("1.5 KB").</summary>
    private static string SizeText(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < SizeUnits.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {SizeUnits[unit]}");
    }
}
