using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.CodeGen;
using PowershAI.HuggingFace.Core.Gradio;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// The control parameters of generated functions (-Manual, -PipeObj, -MaxDurationSec, ...),
/// declared once here: the generator writes their declarations and help from
/// <see cref="ForGenerator"/>, endpoint inputs may not take their names, and
/// Invoke-GradioEndpoint reads them from -BoundParameters with <see cref="Read"/>.
/// </summary>
sealed class CallControls
{
    static readonly Control[] Declared =
    {
        Declare<SwitchParameter>("Manual", "Return the call's handle (a SessionApiEvent) at once instead of streaming the results.",
            (c, v) => c.Manual = v.IsPresent),
        Declare<string[]>("ApiResultMap", "With pipeline input: fill inputs from the upstream result's data, as Name=Index (from 0).",
            (c, v) => c.ApiResultMap = v, aliases: new[] { "map", "arm" }),
        Declare<SwitchParameter>("DebugData", "Return what would be sent (file inputs uploaded), without calling the endpoint.",
            (c, v) => c.DebugData = v.IsPresent),
        Declare<object>("ApiToken", "A token sent to this app for this call only.",
            (c, v) => c.ApiToken = v),
        Declare<object>("PipeObj", "Upstream results (from another generated function): each one triggers a call.",
            (c, v) => c.PipeObj = v, fromPipeline: true),
        Declare<string>("OutputDirectory", "Where file outputs are downloaded (default: the session's folder).",
            (c, v) => c.OutputDirectory = v),
        Declare<SwitchParameter>("NoDownload", "Return file outputs as FileData objects instead of downloading them.",
            (c, v) => c.NoDownload = v.IsPresent),
        Declare<int>("MaxHeartBeats", "Fail with GradioTimeout after this many heartbeats in a row; the call goes on.",
            (c, v) => c.MaxHeartBeats = AtLeastOne("MaxHeartBeats", v)),
        Declare<int>("MaxDurationSec", "Fail with GradioTimeout after this many seconds, and cancel the job on the server.",
            (c, v) => c.MaxDurationSec = AtLeastOne("MaxDurationSec", v)),
        Declare<SwitchParameter>("AsJob", "Return a job: Receive-Job gives the results, Stop-Job cancels the call.",
            (c, v) => c.AsJob = v.IsPresent),
        Declare<SwitchParameter>("Result", "Return only the final outputs (one value, or an object with a property per output).",
            (c, v) => c.Result = v.IsPresent),
        Declare<int>("ThrottleLimit", "With pipeline input: up to this many calls in flight, results in input order (default 1).",
            (c, v) => c.ThrottleLimit = AtLeastOne("ThrottleLimit", v)),
        Declare<SwitchParameter>("Unordered", "With -ThrottleLimit: write results as they come instead of in input order.",
            (c, v) => c.Unordered = v.IsPresent),
        Declare<GradioProtocol>("Protocol", "How the call travels: Auto (the app's queue where it has one), Queue, Call (/call, 4.20+) or Run.",
            (c, v) => c.Protocol = v),
    };

    static readonly Dictionary<string, Control> ByName = Declared.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    // The PowerShell type literal of each .NET type a control may have.
    static readonly Dictionary<Type, string> TypeLiterals = new()
    {
        [typeof(SwitchParameter)] = "switch",
        [typeof(string)] = "string",
        [typeof(string[])] = "string[]",
        [typeof(int)] = "int",
        [typeof(object)] = "object",
        [typeof(GradioProtocol)] = typeof(GradioProtocol).FullName!,
    };

    public bool Manual { get; private set; }
    public string[]? ApiResultMap { get; private set; }
    public bool DebugData { get; private set; }
    public object? ApiToken { get; private set; }
    public object? PipeObj { get; private set; }
    public string? OutputDirectory { get; private set; }
    public bool NoDownload { get; private set; }
    public int? MaxHeartBeats { get; private set; }
    public int? MaxDurationSec { get; private set; }
    public bool AsJob { get; private set; }
    public bool Result { get; private set; }
    public int ThrottleLimit { get; private set; } = 1;
    public bool Unordered { get; private set; }
    public GradioProtocol? Protocol { get; private set; }

    /// <summary>The declarations as the generator writes them, in order.</summary>
    public static IReadOnlyList<ControlParameter> ForGenerator { get; } =
        Declared.Select(c => new ControlParameter(c.Name, TypeLiterals[c.Type], c.Help, c.Aliases, c.FromPipeline)).ToList();

    /// <summary>
    /// Reads the controls among <paramref name="bound"/> (a function's $PSBoundParameters, or a
    /// hashtable); everything else is returned in <paramref name="inputs"/>, in order.
    /// </summary>
    public static CallControls Read(IDictionary? bound, out List<KeyValuePair<string, object?>> inputs)
    {
        var controls = new CallControls();
        inputs = new List<KeyValuePair<string, object?>>();
        foreach (DictionaryEntry kv in bound ?? new Hashtable())
        {
            var name = kv.Key?.ToString() ?? "";
            if (ByName.TryGetValue(name, out var control)) control.Set(controls, kv.Value);
            else inputs.Add(new KeyValuePair<string, object?>(name, kv.Value));
        }
        return controls;
    }

    static Control Declare<T>(string name, string help, Action<CallControls, T> set, IReadOnlyList<string>? aliases = null, bool fromPipeline = false) =>
        new(name, typeof(T), help, aliases ?? Array.Empty<string>(), fromPipeline, (c, value) => set(c, Convert<T>(name, value)));

    static T Convert<T>(string name, object? value)
    {
        if (typeof(T) == typeof(object)) return (T)value!;
        try
        {
            return LanguagePrimitives.ConvertTo<T>(value);
        }
        catch (PSInvalidCastException ex)
        {
            throw new GradioException(GradioErrorKind.InvalidArguments, $"{name}: {ex.Message}", ex, target: name);
        }
    }

    static int AtLeastOne(string name, int value) =>
        value >= 1 ? value : throw new GradioException(GradioErrorKind.InvalidArguments, $"{name} must be 1 or more; {value} was given.", target: name);

    sealed class Control
    {
        public Control(string name, Type type, string help, IReadOnlyList<string> aliases, bool fromPipeline, Action<CallControls, object?> set)
        {
            Name = name;
            Type = type;
            Help = help;
            Aliases = aliases;
            FromPipeline = fromPipeline;
            Set = set;
        }

        public string Name { get; }
        public Type Type { get; }
        public string Help { get; }
        public IReadOnlyList<string> Aliases { get; }
        public bool FromPipeline { get; }
        public Action<CallControls, object?> Set { get; }
    }
}
