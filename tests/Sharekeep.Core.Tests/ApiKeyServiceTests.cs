using Microsoft.Extensions.Time.Testing;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

public sealed class ApiKeyServiceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryApiKeyStore _store = new();
    private readonly ApiKeyService _keys;

    public ApiKeyServiceTests() => _keys = new ApiKeyService(_store, new AuditLog(new InMemoryAuditStore(), _clock), _clock);

    private async Task<IssuedApiKey> IssueAsync(string[]? scopes = null, DateTimeOffset? expires = null) =>
        (await _keys.CreateAsync(new ApiKeyRequest("deploy bot", scopes ?? ["read"], expires), Domain.Admin, CancellationToken.None)).Value!;

    [Fact]
    public async Task Create_KeepsOnlyADigestOfTheKey()
    {
        var issued = await IssueAsync();

        Assert.StartsWith(ApiKeyFormat.Prefix, issued.Key, StringComparison.Ordinal);
        var stored = Assert.Single(_store.Keys);
        Assert.Equal(ApiKeyFormat.Digest(issued.Key), stored.KeyDigest);
        Assert.DoesNotContain(issued.Key[ApiKeyFormat.Prefix.Length..], stored.KeyDigest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MakesA256BitKeyEachTime()
    {
        var first = await IssueAsync();
        var second = await IssueAsync();

        Assert.NotEqual(first.Key, second.Key);
        Assert.Equal(32, Convert.FromBase64String(ToBase64(first.Key[ApiKeyFormat.Prefix.Length..])).Length);
    }

    [Theory]
    [InlineData(null, "name")]
    [InlineData("  ", "name")]
    [InlineData("bot\u202Egnp", "name")]
    public async Task Create_RefusesABadName(string? name, string field)
    {
        var created = await _keys.CreateAsync(new ApiKeyRequest(name, ["read"], null), Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, created.Status);
        Assert.True(created.Errors!.Names(field));
        Assert.Empty(_store.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("read,root")]
    [InlineData("READ")]
    public async Task Create_RefusesNoOrUnknownScopes(string scopes)
    {
        var names = scopes.Split(',', StringSplitOptions.RemoveEmptyEntries);

        var created = await _keys.CreateAsync(new ApiKeyRequest("bot", names, null), Domain.Admin, CancellationToken.None);

        Assert.True(created.Errors!.Names("scopes"));
        Assert.Empty(_store.Keys);
    }

    [Fact]
    public async Task Create_RefusesAnExpiryInThePast()
    {
        var created = await _keys.CreateAsync(new ApiKeyRequest("bot", ["read"], _clock.GetUtcNow().AddMinutes(-1)), Domain.Admin, CancellationToken.None);

        Assert.True(created.Errors!.Names("expires"));
    }

    [Fact]
    public async Task Create_PastTheMostActiveKeys_IsRefused_UntilOneIsRevoked()
    {
        for (var i = 0; i < ApiKeyService.MaxActive; i++)
        {
            _store.Keys.Add(new ApiKey(Guid.NewGuid(), "k" + i, [ApiScope.Read], "d" + i, _clock.GetUtcNow(), null, null, null, null));
        }

        var refused = await _keys.CreateAsync(new ApiKeyRequest("one more", ["read"], null), Domain.Admin, CancellationToken.None);
        await _keys.RevokeAsync(_store.Keys[0].Id, Domain.Admin, CancellationToken.None);
        var made = await _keys.CreateAsync(new ApiKeyRequest("one more", ["read"], null), Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, refused.Status);
        Assert.True(made.IsOk);
    }

    [Fact]
    public async Task Create_KeepsEachScopeOnce()
    {
        var issued = await IssueAsync(["share", "read", "share"]);

        Assert.Equal([ApiScope.Read, ApiScope.Share], issued.Record.Scopes);
    }

    [Fact]
    public async Task Authenticate_WithTheKey_AnswersItsRecordAndNotesTheUse()
    {
        var issued = await IssueAsync();

        var key = await _keys.AuthenticateAsync(issued.Key, "192.0.2.7", CancellationToken.None);

        Assert.Equal(issued.Record.Id, key?.Id);
        Assert.Equal("192.0.2.7", _store.Keys[0].LastUsedAddress);
        Assert.Equal(_clock.GetUtcNow(), _store.Keys[0].LastUsed);
    }

    [Fact]
    public async Task Authenticate_AgainWithinAMinuteFromTheSameAddress_WritesNothing()
    {
        var issued = await IssueAsync();
        await _keys.AuthenticateAsync(issued.Key, "192.0.2.7", CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(30));

        await _keys.AuthenticateAsync(issued.Key, "192.0.2.7", CancellationToken.None);

        Assert.Equal(1, _store.Touches);
    }

    [Fact]
    public async Task Authenticate_WithAnAlteredKey_AnswersNothing()
    {
        var issued = await IssueAsync();
        var altered = issued.Key[..^1] + (issued.Key[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await _keys.AuthenticateAsync(altered, null, CancellationToken.None));
    }

    [Fact]
    public async Task Authenticate_ARevokedKey_AnswersNothing()
    {
        var issued = await IssueAsync();
        Assert.True(await _keys.RevokeAsync(issued.Record.Id, Domain.Admin, CancellationToken.None));

        Assert.Null(await _keys.AuthenticateAsync(issued.Key, null, CancellationToken.None));
    }

    [Fact]
    public async Task Authenticate_AKeyPastItsExpiry_AnswersNothing()
    {
        var issued = await IssueAsync(expires: _clock.GetUtcNow().AddHours(1));
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(await _keys.AuthenticateAsync(issued.Key, null, CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_Twice_AnswersFalseTheSecondTime()
    {
        var issued = await IssueAsync();

        Assert.True(await _keys.RevokeAsync(issued.Record.Id, Domain.Admin, CancellationToken.None));
        Assert.False(await _keys.RevokeAsync(issued.Record.Id, Domain.Admin, CancellationToken.None));
    }

    [Fact]
    public async Task IsActiveAdmin_IsFalseForAKeyWithoutTheAdminScope()
    {
        var reader = await IssueAsync(["read", "share", "policy"]);
        var admin = await IssueAsync(["admin"]);

        Assert.False(await _keys.IsActiveAdminAsync(reader.Record.Id, CancellationToken.None));
        Assert.True(await _keys.IsActiveAdminAsync(admin.Record.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData(ApiScope.Read, true)]
    [InlineData(ApiScope.Policy, false)]
    [InlineData(ApiScope.Admin, false)]
    public void Scopes_GrantOnlyWhatTheyName(ApiScope needed, bool granted)
    {
        Assert.Equal(granted, ApiScopes.Grants([ApiScope.Read, ApiScope.Share], needed));
    }

    [Theory]
    [InlineData(ApiScope.Metrics, true)]
    [InlineData(ApiScope.Read, false)]
    [InlineData(ApiScope.Share, false)]
    public void MetricsScope_GrantsOnlyTheScrape(ApiScope needed, bool granted)
    {
        Assert.Equal(granted, ApiScopes.Grants([ApiScope.Metrics], needed));
    }

    [Fact]
    public void ReadScope_GrantsTheScrapeToo()
    {
        Assert.True(ApiScopes.Grants([ApiScope.Read], ApiScope.Metrics));
    }

    [Fact]
    public void AdminScope_GrantsEveryScope()
    {
        Assert.All(ApiScopes.All, scope => Assert.True(ApiScopes.Grants([ApiScope.Admin], scope)));
    }

    private static string ToBase64(string base64Url)
    {
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        return padded + new string('=', (4 - (padded.Length % 4)) % 4);
    }
}

public sealed class ActorTests
{
    [Theory]
    [InlineData("api-secret")]
    [InlineData("key:0198a2b3-0000-7000-8000-000000000001")]
    [InlineData("console:0198a2b3-0000-7000-8000-000000000002/key:0198a2b3-0000-7000-8000-000000000001")]
    [InlineData("console:0198a2b3-0000-7000-8000-000000000002/api-secret")]
    public void Parse_ReadsBackWhatToStringWrote(string text)
    {
        Assert.Equal(text, Actor.Parse(text).ToString());
    }
}
