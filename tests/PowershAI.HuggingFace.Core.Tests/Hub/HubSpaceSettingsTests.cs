using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

/// <summary>Duplicating a Space, and its hardware, secrets and variables, against the emulator's recorded semantics.</summary>
public sealed class HubSpaceSettingsTests
{
    static SpaceSetting Secret(string key, string value, string? description = null) =>
        SpaceSetting.Secret(key, new NetworkCredential("", value).SecurePassword, description);

    static FakeSpace Space(FakeHubServer hub, string id) => hub.Repos.OfType<FakeSpace>().Single(s => s.Id == id);

    [Fact]
    public async Task A_duplicate_gets_its_hardware_secrets_and_variables_and_a_second_one_is_a_conflict()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var alice = H.Client(hub, FakeHubOptions.AliceToken);
        var options = new DuplicateSpaceOptions { Private = true, Hardware = "t4-small", Storage = "small", SleepTimeSeconds = 3600 };
        options.Secrets.Add(Secret("API_KEY", "s3cret-value", "the key"));
        options.Variables.Add(SpaceSetting.Variable("MODE", "fast"));

        var answer = await alice.DuplicateSpaceAsync("owner/demo", "alice/demo-copy", options, cts.Token);
        var again = await Assert.ThrowsAsync<HubException>(() => alice.DuplicateSpaceAsync("owner/demo", "alice/demo-copy", null, cts.Token));

        Assert.Equal(hub.BaseUrl.GetLeftPart(UriPartial.Authority) + "/spaces/alice/demo-copy", answer?["url"]?.GetValue<string>());
        var copy = Space(hub, "alice/demo-copy");
        Assert.True(copy.Private);
        Assert.Equal(("t4-small", "small", (int?)3600), (copy.Hardware, copy.Storage, copy.SleepTimeSeconds));
        Assert.Equal("s3cret-value", copy.Secrets["API_KEY"].Value);
        Assert.Equal("the key", copy.Secrets["API_KEY"].Description);
        Assert.Equal("fast", copy.Variables["MODE"].Value);
        Assert.Equal(Space(hub, "owner/demo").Files.Select(f => f.Path), copy.Files.Select(f => f.Path));
        Assert.Equal(HubErrorKind.Conflict, again.Kind);
        Assert.Equal(SpaceStages.Running, (await alice.WaitForSpaceAsync("alice/demo-copy", TimeSpan.FromSeconds(10), ct: cts.Token)).Stage);
    }

    [Fact]
    public async Task Another_namespace_or_an_unknown_flavor_is_refused_with_its_kind()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var alice = H.Client(hub, FakeHubOptions.AliceToken);

        var elsewhere = await Assert.ThrowsAsync<HubException>(() => alice.DuplicateSpaceAsync("owner/demo", "contoso/demo", null, cts.Token));
        var flavor = await Assert.ThrowsAsync<HubException>(() => alice.SetSpaceHardwareAsync("owner/demo", "quantum-xl", ct: cts.Token));
        var reader = await Assert.ThrowsAsync<HubException>(() => H.Client(hub, FakeHubOptions.BobToken).SetSpaceSettingAsync("owner/demo", Secret("K", "value-123"), cts.Token));

        Assert.Equal(HubErrorKind.Forbidden, elsewhere.Kind);
        Assert.Equal(HubErrorKind.BadRequest, flavor.Kind);
        Assert.Equal(HubErrorKind.Forbidden, reader.Kind);
    }

    [Fact]
    public async Task Hardware_secrets_and_variables_are_set_and_removed()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var alice = H.Client(hub, FakeHubOptions.AliceToken);

        var runtime = await alice.SetSpaceHardwareAsync("owner/demo", "a10g-small", 600, cts.Token);
        await alice.SetSpaceSettingAsync("owner/demo", Secret("HF_TOKEN", "hf_somethingsecret"), cts.Token);
        var afterSet = await alice.SetSpaceSettingAsync("owner/demo", SpaceSetting.Variable("MODE", "fast", "how fast"), cts.Token);
        await alice.SetSpaceSettingAsync("owner/demo", SpaceSetting.Variable("OTHER", "x"), cts.Token);
        var listed = await alice.GetSpaceVariablesAsync("owner/demo", cts.Token);
        var afterRemove = await alice.RemoveSpaceSettingAsync("owner/demo", "MODE", secret: false, cts.Token);
        await alice.RemoveSpaceSettingAsync("owner/demo", "NEVER_SET", secret: true, cts.Token);

        var space = Space(hub, "owner/demo");
        Assert.Equal("a10g-small", runtime.RequestedHardware);
        Assert.Equal((int?)600, space.SleepTimeSeconds);
        Assert.Equal("hf_somethingsecret", space.Secrets["HF_TOKEN"].Value);
        Assert.Equal("how fast", afterSet?["MODE"]?["description"]?.GetValue<string>());
        Assert.Equal(new[] { "MODE", "OTHER" }, ((JsonObject)listed!).Select(p => p.Key));
        Assert.Equal(new[] { "OTHER" }, ((JsonObject)afterRemove!).Select(p => p.Key));
        var delete = H.To(hub, "/api/spaces/owner/demo/variables").Single(r => r.Method == "DELETE");
        Assert.Equal("{\"key\":\"MODE\"}", delete.Body);
    }

    [Fact]
    public async Task A_secret_value_sent_is_masked_in_what_the_module_shows()
    {
        await using var hub = await H.Start();
        using var cts = H.Deadline();
        var secret = Secret("API_KEY", "never-show-this-value");

        await H.Client(hub, FakeHubOptions.AliceToken).SetSpaceSettingAsync("owner/demo", secret, cts.Token);

        Assert.Equal("API_KEY=***", secret.ToString());
        Assert.Equal("echo: ***", ClientState.Current.Secrets.Redact("echo: never-show-this-value"));
    }
}
