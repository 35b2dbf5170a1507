using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>The built server stopped as an operator's supervisor stops it (SIGTERM): what it counted is written on the way out.</summary>
public sealed class ActivityStopTests
{
    private const string Secret = "process-secret-0123456789";

    [Fact]
    public async Task WhatWasCounted_IsWritten_WhenTheProcessIsSentSigterm()
    {
        var directory = TempDirectory.Create();
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["Sharekeep__ApiSecret"] = Secret,
                ["Sharekeep__DataDirectory"] = directory,
                // No periodic flush within the test: only the stop can write the view.
                ["Sharekeep__Activity__FlushSeconds"] = "3600",
            };
            string key;
            await using (var first = await ServerProcess.StartAsync(directory, environment))
            {
                using var admin = new SharekeepClient(first.CreateClient(), Secret);
                using var visitor = new SharekeepClient(first.CreateClient(), null);
                key = await admin.ShareReportAsync(await admin.CreateReportAsync());
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/share/report/{key}")).Status);

                Assert.Equal(0, await first.TerminateAsync(TimeSpan.FromSeconds(30)));
            }
            await using var second = await ServerProcess.StartAsync(directory, environment);
            using var secondAdmin = new SharekeepClient(second.CreateClient(), Secret);

            var answer = await secondAdmin.GetAsync($"/api/v1/links/{key}/activity");

            Assert.Equal(1, answer.Body.GetProperty("totals").GetProperty("views").GetInt64());
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }
}
