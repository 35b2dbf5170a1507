using System.Net;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>Link policy bodies for PUT /api/v1/link-policy, with every field named.</summary>
public static class LinkPolicies
{
    public static object Body(
        int? fileDefaultDays = null,
        int? fileMaxDays = null,
        bool requirePassword = false,
        int? minPasswordLength = null,
        bool denyDownloadByDefault = false,
        int? shareDefaultDays = null,
        int? shareMaxDays = null) => new
        {
            fileLinks = new
            {
                defaultLifetimeDays = fileDefaultDays,
                maxLifetimeDays = fileMaxDays,
                requirePassword,
                minPasswordLength,
                denyDownloadByDefault,
            },
            shares = new { defaultLifetimeDays = shareDefaultDays, maxLifetimeDays = shareMaxDays },
        };

    public static async Task SetAsync(SharekeepClient admin, object body)
    {
        var answer = await admin.PutAsync("/api/v1/link-policy", body);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }
}
