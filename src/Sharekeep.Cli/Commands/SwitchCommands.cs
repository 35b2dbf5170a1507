using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharekeep.Cli.Commands;

/// <summary>
/// sharekeep sharing on|off and external on|off: the two switches, through the endpoints the products' own clients
/// call (the reporting tool's /api/public/share/enable|disable, the document platform's files/settings/external),
/// which audit the change with this credential. Both answer the policy in force afterwards.
/// </summary>
internal static class SwitchCommands
{
    public static Command Sharing(GlobalOptions globals, CliEnvironment environment) => Create(
        globals, environment, "sharing", "Switches sharing of reports and dashboards on or off for everyone; off keeps every link for later.",
        (api, on, cancellationToken) => api.SendAsync(HttpMethod.Post, on ? "api/public/share/enable" : "api/public/share/disable", null, cancellationToken));

    public static Command External(GlobalOptions globals, CliEnvironment environment) => Create(
        globals, environment, "external", "Switches external links to files on or off for everyone; off keeps every link for later.",
        (api, on, cancellationToken) => api.SendAsync(HttpMethod.Put, "api/2.0/files/settings/external", new JsonObject { ["set"] = on }, cancellationToken));

    private static Command Create(
        GlobalOptions globals, CliEnvironment environment, string name, string description, Func<Api.ApiClient, bool, CancellationToken, Task> set)
    {
        var state = new Argument<string>("on|off") { Description = "on or off." };
        state.AcceptOnlyFromAmong("on", "off");
        var command = new Command(name, description) { state };
        globals.SetAction(command, environment, async (run, cancellationToken) =>
        {
            await set(run.Api, run.Parse.GetValue(state) == "on", cancellationToken);
            var policy = await run.Api.GetAsync("api/v1/policy", cancellationToken);
            run.Printer.Write(policy, () => run.Printer.Pairs(Rows(policy)));
        });
        return command;
    }

    /// <summary>The switches of a GET /api/v1/policy answer, one row each.</summary>
    public static IReadOnlyList<string[]> Rows(JsonElement policy)
    {
        var social = StatusCommand.OnOff(policy.GetProperty("socialMediaEnabled"));
        var socialSetting = StatusCommand.OnOff(policy.GetProperty("socialMediaSetting"));
        return
        [
            ["sharing", StatusCommand.OnOff(policy.GetProperty("sharingEnabled"))],
            ["external sharing", StatusCommand.OnOff(policy.GetProperty("externalSharingEnabled"))],
            ["social media", social == socialSetting ? social : $"{social} (set {socialSetting}; needs external sharing)"],
        ];
    }
}
