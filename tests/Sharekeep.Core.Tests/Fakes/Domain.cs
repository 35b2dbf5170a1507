using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Core.Keys;
using Sharekeep.Core.Links;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;

namespace Sharekeep.Core.Tests.Fakes;

/// <summary>The domain services wired to in-memory stores and a fake clock.</summary>
internal sealed class Domain
{
    public Domain(bool sharingConfigured = true, LinkPolicy? configuredLinkPolicy = null)
    {
        Audit = new AuditLog(AuditStore, Clock);
        Policy = new PolicyService(PolicyStore, new PolicyDefaults { SharingEnabled = sharingConfigured }, Clock);
        LinkPolicy = new LinkPolicyService(
            LinkPolicyStore, new LinkPolicyDefaults(configuredLinkPolicy ?? Core.Policy.LinkPolicy.None), LinkStore, ShareStore, Clock);
        Resources = new ResourceService(ResourceStore, Audit, Clock);
        Sharing = new SharingService(ShareStore, ResourceStore, Policy, LinkPolicy, new RandomLinkKeyGenerator(), Audit, Clock);
        Views = new SharedViews(Sharing, ResourceStore);
        Guard = new PasswordGuard(new PasswordLimits { RefusalDelay = TimeSpan.Zero, ChecksPerMinute = 60_000 }, Clock);
        Files = new FileService(FileStore, ContentStore, Audit, Clock);
        Links = new FileLinkService(LinkStore, FileStore, Policy, LinkPolicy, new RandomLinkKeyGenerator(), Guard, PasswordFailures, Audit, Clock);
    }

    /// <summary>Who the tests act as: the bootstrap secret.</summary>
    public static readonly Actor Admin = new(Actor.BootstrapSecret);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    public InMemoryPolicyStore PolicyStore { get; } = new();
    public InMemoryAuditStore AuditStore { get; } = new();
    public AuditLog Audit { get; }
    public InMemoryShareStore ShareStore { get; } = new();
    public InMemoryResourceStore ResourceStore { get; } = new();
    public PolicyService Policy { get; }
    public InMemoryLinkPolicyStore LinkPolicyStore { get; } = new();
    public LinkPolicyService LinkPolicy { get; }
    public ResourceService Resources { get; }
    public SharingService Sharing { get; }
    public SharedViews Views { get; }
    public InMemoryFileStore FileStore { get; } = new();
    public InMemoryFileLinkStore LinkStore { get; } = new();
    public InMemoryContentStore ContentStore { get; } = new();
    public PasswordGuard Guard { get; }
    public InMemoryPasswordFailureStore PasswordFailures { get; } = new();
    public FileService Files { get; }
    public FileLinkService Links { get; }

    public async Task<StoredFile> NewFileAsync(string name = "notes.txt") =>
        (await Files.UploadAsync(name, "text/plain", new MemoryStream("hello"u8.ToArray()), 1024, Domain.Admin, CancellationToken.None)).Value!;

    public async Task<FileLink> NewLinkAsync(string? password = null, DateTimeOffset? expires = null)
    {
        var file = await NewFileAsync();
        var created = await Links.CreateAsync(
            file.Id, null, new LinkSettings { Title = "link", Expires = expires, Password = password }, Admin, CancellationToken.None);
        return created.Value!;
    }

    public async Task<Report> NewReportAsync(string name = "Report") =>
        (await Resources.CreateReportAsync(name, "{\"rows\":[]}", Domain.Admin, CancellationToken.None)).Value!;
}
