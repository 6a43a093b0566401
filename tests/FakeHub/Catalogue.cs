using System;
using System.Collections.Generic;
using System.Linq;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>The repos and accounts of one server, and who may do what with them (docs/hub-api.md §6.3).</summary>
internal sealed class Catalogue
{
    // Replaced, never changed in place, so a request reading the old list is not disturbed by a create or delete.
    private volatile List<FakeRepo> _repos;
    private readonly Dictionary<string, FakeUser> _byToken;
    private readonly Dictionary<string, string> _renames;

    public Catalogue(FakeHubOptions options)
    {
        var own = options.Repos.ToList();
        var seeded = options.SeedDefaults ? Seed.Create() : [];
        // A test's own repo replaces the seeded one with the same id.
        _repos = [.. seeded.Where(s => !own.Any(o => o.Type == s.Type && o.Id.Equals(s.Id, StringComparison.OrdinalIgnoreCase))), .. own];
        _byToken = options.Users.ToDictionary(u => u.Token, StringComparer.Ordinal);
        _renames = new Dictionary<string, string>(options.Renames, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Guards every FakeSpace stage change and every read of one.</summary>
    public object Gate { get; } = new();

    public IReadOnlyList<FakeRepo> Repos => _repos;

    /// <summary>Adds a created repo; false when the id is taken.</summary>
    public bool TryAdd(FakeRepo repo)
    {
        lock (Gate)
        {
            if (_repos.Any(r => r.Type == repo.Type && r.Id.Equals(repo.Id, StringComparison.OrdinalIgnoreCase))) return false;
            _repos = [.. _repos, repo];
            return true;
        }
    }

    public void Remove(FakeRepo repo)
    {
        lock (Gate) _repos = [.. _repos.Where(r => r != repo)];
    }

    public FakeUser? UserByToken(string token) => _byToken.GetValueOrDefault(token);

    /// <summary>The exact repo, or the canonical id to redirect to (miscased or renamed), or neither.</summary>
    public (FakeRepo? Repo, string? RedirectTo) Find(FakeRepoType type, string id)
    {
        var exact = _repos.FirstOrDefault(r => r.Type == type && r.Id == id);
        if (exact is not null) return (exact, null);
        var folded = _repos.FirstOrDefault(r => r.Type == type && r.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
        if (folded is not null) return (null, folded.Id);
        if (_renames.TryGetValue(id, out var renamed) && _repos.Any(r => r.Type == type && r.Id == renamed)) return (null, renamed);
        return (null, null);
    }

    public FakeSpace Space(string id) =>
        _repos.OfType<FakeSpace>().FirstOrDefault(s => s.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no Space '{id}' in the catalogue", nameof(id));

    public FakeSpace? SpaceBySubdomain(string subdomain) =>
        _repos.OfType<FakeSpace>().FirstOrDefault(s => s.Subdomain.Equals(subdomain, StringComparison.OrdinalIgnoreCase));

    /// <summary>The user themself or a member of the org.</summary>
    public static bool IsMember(FakeUser? user, string entity) =>
        user is not null && (user.Name.Equals(entity, StringComparison.OrdinalIgnoreCase)
                             || user.Orgs.Contains(entity, StringComparer.OrdinalIgnoreCase));

    private static bool Scoped(FakeUser user, string entity, params string[] permissions) =>
        user.Scopes.TryGetValue(entity, out var granted) && granted.Intersect(permissions).Any();

    public static bool CanSee(FakeRepo repo, FakeUser? user)
    {
        if (!repo.Private) return true;
        if (!IsMember(user, repo.Author)) return false;
        return user!.Role != "fineGrained" || Scoped(user, repo.Author, "repo.content.read", "repo.write");
    }

    public static bool CanWrite(FakeRepo repo, FakeUser? user)
    {
        if (!IsMember(user, repo.Author)) return false;
        return user!.Role switch
        {
            "write" => true,
            "fineGrained" => Scoped(user, repo.Author, "repo.write"),
            _ => false,
        };
    }

    public static bool CanReadGatedContent(FakeRepo repo, FakeUser user)
    {
        if (IsMember(user, repo.Author)) return true;
        if (user.Role == "fineGrained" && !user.CanReadGatedRepos) return false;
        return repo.GatedApprovedUsers.Contains(user.Name);
    }
}
