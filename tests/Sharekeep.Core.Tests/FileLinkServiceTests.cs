using Sharekeep.Core.Links;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Tests.Fakes;

namespace Sharekeep.Core.Tests;

public sealed class FileLinkServiceTests
{
    private const string Password = "Correct-Horse-9";

    [Fact]
    public async Task Open_ALinkWithoutPassword_IsOk()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync();

        var visit = await domain.Links.OpenAsync(link.Key, null, CancellationToken.None);

        Assert.Equal(VisitStatus.Ok, visit.Status);
        Assert.Equal(link.FileId, visit.File!.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Open_AnUnknownOrMalformedKey_IsUnknown(string? key)
    {
        var domain = new Domain();

        var visit = await domain.Links.OpenAsync(key, null, CancellationToken.None);

        Assert.Equal(VisitStatus.Unknown, visit.Status);
        Assert.Null(visit.File);
    }

    [Fact]
    public async Task Open_WhileExternalSharingIsOff_IsDenied_AndOnAgainIsOk()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync();

        await domain.Policy.SetAsync(PolicySetting.ExternalSharing, false, Domain.Admin, CancellationToken.None);
        var whileOff = await domain.Links.OpenAsync(link.Key, null, CancellationToken.None);
        await domain.Policy.SetAsync(PolicySetting.ExternalSharing, true, Domain.Admin, CancellationToken.None);

        Assert.Equal(VisitStatus.ExternalSharingDisabled, whileOff.Status);
        Assert.Null(whileOff.File);
        Assert.Equal(VisitStatus.Ok, (await domain.Links.OpenAsync(link.Key, null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Open_AfterTheExpiry_IsExpired()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync(expires: domain.Clock.GetUtcNow().AddMinutes(10));

        domain.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(VisitStatus.Expired, (await domain.Links.OpenAsync(link.Key, null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Open_APasswordLink_NeedsTheUnlockOfItsCurrentStamp()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync(Password);

        var locked = await domain.Links.OpenAsync(link.Key, _ => null, CancellationToken.None);
        var wrongStamp = await domain.Links.OpenAsync(link.Key, id => new LinkUnlock(id, "stale"), CancellationToken.None);
        var unlocked = await domain.Links.OpenAsync(link.Key, id => new LinkUnlock(id, link.PasswordStamp!), CancellationToken.None);

        Assert.Equal(VisitStatus.PasswordRequired, locked.Status);
        Assert.Null(locked.File);
        Assert.Equal(VisitStatus.PasswordRequired, wrongStamp.Status);
        Assert.Equal(VisitStatus.Ok, unlocked.Status);
    }

    [Fact]
    public async Task TryPassword_RightOne_IsOk_WrongOne_IsInvalidPassword()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync(Password);

        var wrong = await domain.Links.TryPasswordAsync(link.Key, "Wrong-Horse-1", "client", CancellationToken.None);
        var right = await domain.Links.TryPasswordAsync(link.Key, Password, "client", CancellationToken.None);

        Assert.Equal(VisitStatus.InvalidPassword, wrong.Status);
        Assert.Null(wrong.File);
        Assert.Equal(VisitStatus.Ok, right.Status);
    }

    [Fact]
    public async Task TryPassword_LongerThanAnyLinkPassword_IsWrong_AndCounted()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync(Password);

        var tried = await domain.Links.TryPasswordAsync(link.Key, new string('x', LinkRules.MaxPasswordLength + 1), "client", CancellationToken.None);

        Assert.Equal(VisitStatus.InvalidPassword, tried.Status);
        Assert.Equal(1, domain.PasswordFailures.Recorded);
    }

    [Fact]
    public async Task UnlockingALink_LeavesItsGuessersNetworkCounted()
    {
        var domain = new Domain();
        var attacked = await domain.NewLinkAsync(Password);
        for (var i = 0; i < 5; i++)
        {
            await domain.Links.TryPasswordAsync(attacked.Key, $"Wrong-Horse-{i}", "198.51.100.9", CancellationToken.None);
        }
        // Three more links, five each: the network's twenty, the most it may send.
        for (var link = 0; link < 3; link++)
        {
            var other = await domain.NewLinkAsync(Password);
            for (var i = 0; i < 5; i++)
            {
                await domain.Links.TryPasswordAsync(other.Key, $"Wrong-Horse-{i}", "198.51.100.9", CancellationToken.None);
            }
        }

        await domain.Links.UnlockAsync(attacked.Id, Domain.Admin, CancellationToken.None);
        var third = await domain.NewLinkAsync(Password);
        var fromTheGuesser = await domain.Links.TryPasswordAsync(third.Key, Password, "198.51.100.9", CancellationToken.None);
        var onTheUnlockedLink = await domain.Links.TryPasswordAsync(attacked.Key, Password, "192.0.2.1", CancellationToken.None);

        Assert.Equal(VisitStatus.TooManyAttempts, fromTheGuesser.Status);
        Assert.Equal(VisitStatus.Ok, onTheUnlockedLink.Status);
    }

    [Fact]
    public async Task LockedNetwork_IsListed_AndUnlockingItLetsItsTriesIn()
    {
        var domain = new Domain();
        for (var i = 0; i < 20; i++)
        {
            var guessed = await domain.NewLinkAsync(Password);
            await domain.Links.TryPasswordAsync(guessed.Key, "Wrong-Horse-1", "2001:db8:1:2::/64", CancellationToken.None);
        }
        var link = await domain.NewLinkAsync(Password);
        Assert.Equal(VisitStatus.TooManyAttempts, (await domain.Links.TryPasswordAsync(link.Key, Password, "2001:db8:1:2::/64", CancellationToken.None)).Status);

        var listed = Assert.Single(await domain.Links.ListLockedNetworksAsync(CancellationToken.None));
        await domain.Links.UnlockNetworkAsync("2001:db8:1:2::/64", Domain.Admin, CancellationToken.None);

        Assert.Equal("2001:db8:1:2::/64", listed.Network);
        Assert.Equal(20, listed.Failures);
        Assert.Equal(domain.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), listed.LockedUntil);
        Assert.Equal(VisitStatus.Ok, (await domain.Links.TryPasswordAsync(link.Key, Password, "2001:db8:1:2::/64", CancellationToken.None)).Status);
        Assert.Empty(await domain.Links.ListLockedNetworksAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Set_StoresOnlyAHashOfThePassword()
    {
        var domain = new Domain();

        var link = await domain.NewLinkAsync(Password);

        Assert.DoesNotContain(Password, link.PasswordHash!, StringComparison.Ordinal);
        Assert.True(LinkPasswordHasher.Verify(Password, link.PasswordHash!));
    }

    [Fact]
    public async Task Update_WithANewPassword_ChangesTheStamp()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync(Password);

        var changed = await domain.Links.UpdateAsync(
            link.FileId, link.Id, new LinkSettings { Password = "Another-Horse-7" }, Domain.Admin, CancellationToken.None);

        Assert.NotEqual(link.PasswordStamp, changed.Value!.PasswordStamp);
    }

    [Fact]
    public async Task Update_WithoutAPassword_KeepsThePassword()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync(Password);

        var changed = await domain.Links.UpdateAsync(link.FileId, link.Id, new LinkSettings { Title = "renamed" }, Domain.Admin, CancellationToken.None);

        Assert.Equal(link.PasswordHash, changed.Value!.PasswordHash);
        Assert.Equal(link.PasswordStamp, changed.Value.PasswordStamp);
    }

    [Fact]
    public async Task Update_OfAnUnknownLink_IsNotFoundNamingTheLink()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync();

        var changed = await domain.Links.UpdateAsync(link.FileId, Guid.NewGuid(), new LinkSettings(), Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.NotFound, changed.Status);
        Assert.True(changed.Errors!.Names("linkId"));
    }

    [Fact]
    public async Task Update_OfALinkOfAnotherFile_IsInvalid()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync();
        var other = await domain.NewFileAsync("other.txt");

        var changed = await domain.Links.UpdateAsync(other.Id, link.Id, new LinkSettings(), Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, changed.Status);
        Assert.Equal(link, domain.LinkStore.Links[link.Id]);
    }

    [Fact]
    public async Task Update_OfARevokedLink_IsInvalid()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync();
        await domain.Links.RevokeAsync(link.FileId, link.Id, Domain.Admin, CancellationToken.None);

        var changed = await domain.Links.UpdateAsync(link.FileId, link.Id, new LinkSettings(), Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, changed.Status);
        Assert.False(domain.LinkStore.Links[link.Id].IsActive);
    }

    [Fact]
    public async Task Revoke_MakesTheKeyRevoked()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync();

        var revoked = await domain.Links.RevokeAsync(link.FileId, link.Id, Domain.Admin, CancellationToken.None);

        Assert.True(revoked.IsOk);
        Assert.Equal(VisitStatus.Revoked, (await domain.Links.OpenAsync(link.Key, null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Revoke_WithoutALinkId_IsInvalid()
    {
        var domain = new Domain();
        var link = await domain.NewLinkAsync();

        var revoked = await domain.Links.RevokeAsync(link.FileId, null, Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, revoked.Status);
        Assert.True(domain.LinkStore.Links[link.Id].IsActive);
    }

    [Fact]
    public async Task Create_ForAMissingFile_IsNotFoundNamingTheFile()
    {
        var domain = new Domain();

        var created = await domain.Links.CreateAsync(Guid.NewGuid(), null, new LinkSettings(), Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.NotFound, created.Status);
        Assert.True(created.Errors!.Names("fileId"));
    }

    [Fact]
    public async Task Create_ForAFileDeletedMeanwhile_IsNotFoundNamingTheFile()
    {
        var domain = new Domain();
        var file = await domain.NewFileAsync();
        domain.LinkStore.DeletedFiles.Add(file.Id);

        var created = await domain.Links.CreateAsync(file.Id, null, new LinkSettings(), Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.NotFound, created.Status);
        Assert.True(created.Errors!.Names("fileId"));
    }

    [Fact]
    public async Task Create_WithAnExpiryInThePast_IsInvalid()
    {
        var domain = new Domain();
        var file = await domain.NewFileAsync();

        var created = await domain.Links.CreateAsync(
            file.Id, null, new LinkSettings { Expires = domain.Clock.GetUtcNow().AddSeconds(-1) }, Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, created.Status);
        Assert.Empty(domain.LinkStore.Links);
    }

    [Fact]
    public async Task Create_WithADirectionOverrideInTheTitle_IsInvalid()
    {
        var domain = new Domain();
        var file = await domain.NewFileAsync();

        var created = await domain.Links.CreateAsync(file.Id, null, new LinkSettings { Title = "For the board\u202E" }, Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Invalid, created.Status);
        Assert.True(created.Errors!.Names("title"));
        Assert.Empty(domain.LinkStore.Links);
    }

    [Fact]
    public async Task Create_WithoutATitle_UsesTheDefault()
    {
        var domain = new Domain();
        var file = await domain.NewFileAsync();

        var created = await domain.Links.CreateAsync(file.Id, null, new LinkSettings { Title = "  " }, Domain.Admin, CancellationToken.None);

        Assert.Equal(LinkRules.DefaultTitle, created.Value!.Title);
    }

    [Fact]
    public async Task Create_WhileExternalSharingIsOff_IsRefusedAndKeepsNothing()
    {
        var domain = new Domain();
        var file = await domain.NewFileAsync();
        await domain.Policy.SetAsync(PolicySetting.ExternalSharing, false, Domain.Admin, CancellationToken.None);

        var created = await domain.Links.CreateAsync(file.Id, null, new LinkSettings(), Domain.Admin, CancellationToken.None);

        Assert.Equal(OutcomeStatus.SharingOff, created.Status);
        Assert.Empty(domain.LinkStore.Links);
    }

    [Fact]
    public async Task Keys_AreUniqueAndWellFormed()
    {
        var domain = new Domain();

        var first = await domain.NewLinkAsync();
        var second = await domain.NewLinkAsync();

        Assert.NotEqual(first.Key, second.Key);
        Assert.True(Keys.LinkKeyFormat.IsWellFormed(first.Key));
    }
}
