using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core.Hub;
using PowershAI.HuggingFace.FakeHub;
using Xunit;

namespace PowershAI.HuggingFace.Core.Tests.Hub;

public sealed class HubTokenSecrecyTests
{
    const string Secret = "hf_SecretValueNeverToBeShown00000000";
    const string WrongSecret = "hf_WrongSecretAlsoNeverShown00000000";

    [Fact]
    public async Task No_error_message_ToString_or_property_contains_the_token()
    {
        FakeHubOptions? options = null;
        await using var hub = await H.Start(o =>
        {
            o.Users.Add(new FakeUser("carol", Secret, "read"));
            options = o;
        });
        var client = H.Client(hub, Secret, o => o.MaxAttempts = 1);
        var wrong = H.Client(hub, WrongSecret);
        var failures = new List<Func<Task>>
        {
            () => client.GetRepoAsync(HubRepoType.Model, "acme/nope"),
            () => client.GetRepoAsync(HubRepoType.Model, "acme/tiny-gpt", revision: "nope"),
            () => client.GetAsync("/acme/tiny-gpt/resolve/main/missing.bin"),
            () => client.GetAsync("/contoso/gated-llm/resolve/main/config.json"),
            () => client.RestartSpaceAsync("owner/demo"),
            () => client.GetRepoAsync(HubRepoType.Model, "acme/tiny-gpt", expand: new[] { "nonsense" }),
            () => { options!.RateLimit.ForceNext(1); return client.WhoamiAsync(); },
            () => { lock (options!.InjectStatuses) options.InjectStatuses.Enqueue(500); return client.WhoamiAsync(); },
            () => client.WaitForSpaceAsync("owner/broken", TimeSpan.FromSeconds(5)),
            () => wrong.WhoamiAsync(),
            () => wrong.GetRepoAsync(HubRepoType.Space, "owner/private-space"),
        };

        var seen = new HashSet<HubErrorKind>();
        foreach (var fail in failures)
        {
            var ex = await Assert.ThrowsAsync<HubException>(fail);
            seen.Add(ex.Kind);
            foreach (var text in Texts(ex))
            {
                Assert.DoesNotContain(Secret, text);
                Assert.DoesNotContain(WrongSecret, text);
            }
        }
        Assert.Equal(10, seen.Count); // the list really covers the kinds it claims to
        Assert.DoesNotContain(Secret, client.Token.ToString());
        Assert.DoesNotContain(Secret, client.Token.Source);
    }

    static IEnumerable<string> Texts(HubException ex)
    {
        yield return ex.Message;
        yield return ex.ToString();
        foreach (var property in typeof(HubException).GetProperties())
        {
            if (property.GetValue(ex) is { } value) yield return value.ToString() ?? "";
        }
    }
}
