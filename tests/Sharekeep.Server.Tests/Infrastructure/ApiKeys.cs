using System.Net;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>Making API keys through the API, as an administrator does.</summary>
public static class ApiKeys
{
    public sealed record Issued(Guid Id, string Key);

    public static async Task<Issued> CreateAsync(SharekeepClient admin, params string[] scopes)
    {
        var answer = await admin.PostAsync("/api/v1/keys", new { name = "test key " + string.Join('+', scopes), scopes });
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return new Issued(answer.Body.GetProperty("id").GetGuid(), answer.Body.GetProperty("key").GetString()!);
    }
}
