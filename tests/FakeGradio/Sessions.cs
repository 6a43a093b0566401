using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>Per-session mailboxes and gr.State values, keyed by session hash (or /call event id).</summary>
internal sealed class Sessions
{
    private readonly ConcurrentDictionary<string, Mailbox> _mailboxes = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, JsonNode?>> _states = new();

    /// <summary>Files an event under a stream key, creating the mailbox at join time as Gradio does.</summary>
    public Mailbox Join(string key, string eventId)
    {
        while (true)
        {
            var box = _mailboxes.GetOrAdd(key, k => new Mailbox(k));
            if (box.TryAddPending(eventId)) return box;
            _mailboxes.TryRemove(KeyValuePair.Create(key, box));
        }
    }

    public Mailbox? Find(string key) => _mailboxes.TryGetValue(key, out var box) ? box : null;

    public void Remove(Mailbox box) => _mailboxes.TryRemove(KeyValuePair.Create(box.Key, box));

    public JsonNode? GetState(string session, Component state) =>
        _states.TryGetValue(session, out var values) && values.TryGetValue(state.Id, out var value)
            ? value?.DeepClone()
            : state.Value?.DeepClone();

    public void SetState(string session, Component state, JsonNode? value) =>
        _states.GetOrAdd(session, _ => new ConcurrentDictionary<int, JsonNode?>())[state.Id] = value?.DeepClone();
}
