using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Shares;

namespace Sharekeep.Core.Tests.Fakes;

/// <summary>The domain services wired to in-memory stores and a fake clock.</summary>
internal sealed class Domain
{
    public Domain(bool sharingConfigured = true)
    {
        Policy = new PolicyService(PolicyStore, new PolicyDefaults { SharingEnabled = sharingConfigured }, Clock);
        Resources = new ResourceService(ResourceStore, Clock);
        Sharing = new SharingService(ShareStore, ResourceStore, Policy, new RandomShareKeyGenerator(), Clock);
        Views = new SharedViews(Sharing, ResourceStore);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    public InMemoryPolicyStore PolicyStore { get; } = new();
    public InMemoryShareStore ShareStore { get; } = new();
    public InMemoryResourceStore ResourceStore { get; } = new();
    public PolicyService Policy { get; }
    public ResourceService Resources { get; }
    public SharingService Sharing { get; }
    public SharedViews Views { get; }

    public async Task<Report> NewReportAsync(string name = "Report") =>
        (await Resources.CreateReportAsync(name, "{\"rows\":[]}", CancellationToken.None)).Value!;
}
