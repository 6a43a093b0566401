using System.Collections.Generic;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>One access token and the account behind it, as whoami-v2 reports them.</summary>
public sealed class FakeUser
{
    public FakeUser(string name, string token, string role = "write")
    {
        Name = name;
        Token = token;
        Role = role;
    }

    public string Name { get; }

    /// <summary>The bearer value, e.g. "hf_...".</summary>
    public string Token { get; }

    /// <summary>"read", "write" or "fineGrained" (then <see cref="Scopes"/> decides).</summary>
    public string Role { get; set; }

    public string? Fullname { get; set; }
    public string? Email { get; set; }

    /// <summary>Organisations the user belongs to; members may manage and read the org's repos.</summary>
    public List<string> Orgs { get; } = [];

    /// <summary>accessToken.displayName.</summary>
    public string TokenName { get; set; } = "ps-module";

    /// <summary>Fine-grained tokens only: entity (user or org name) -> permissions such as "repo.content.read", "repo.write".</summary>
    public Dictionary<string, List<string>> Scopes { get; } = [];

    /// <summary>Fine-grained tokens only: accessToken.fineGrained.canReadGatedRepos.</summary>
    public bool CanReadGatedRepos { get; set; } = true;
}
