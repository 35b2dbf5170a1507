using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharekeep.Cli.Commands;

/// <summary>sharekeep status: the server's health, the sharing switches and the link policy, at a glance.</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("status", "The server's health, the sharing switches and the link policy in force.");
        globals.SetAction(command, environment, RunAsync);
        return command;
    }

    private static async Task RunAsync(CommandRun run, CancellationToken cancellationToken)
    {
        var (status, health) = await run.Api.GetHealthAsync(cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new CliFailure(ExitCodes.Unavailable, $"The server at {run.Api.Server} is not healthy: {(int)status} {health}");
        }
        var policy = await run.Api.GetAsync("api/v1/policy", cancellationToken);
        var linkPolicy = await run.Api.GetAsync("api/v1/link-policy", cancellationToken);
        var document = new JsonObject
        {
            ["health"] = health,
            ["policy"] = JsonNode.Parse(policy.GetRawText()),
            ["linkPolicy"] = JsonNode.Parse(linkPolicy.GetRawText()),
        };
        run.Printer.Write(document, () =>
        {
            run.Printer.Pairs([
                ["server", run.Api.Server.ToString()],
                ["health", health],
                .. SwitchCommands.Rows(policy),
                .. PolicyCommands.Summary(linkPolicy),
            ]);
        });
    }

    public static string OnOff(JsonElement value) => value.ValueKind == JsonValueKind.True ? "on" : "off";
}
