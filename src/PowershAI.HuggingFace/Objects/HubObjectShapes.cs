using System;
using System.Collections;
using System.Management.Automation;

#pragma warning disable IDE1006 // The property names are the Hub's JSON names, as the objects carry them.

// The Hub's objects are built from its JSON (Objects/HubObjects.cs), so their type names
// (PowershAI.HuggingFace.HuggingFaceModel, ...) name no .NET type, and PowerShell's completion,
// which reads a command's [OutputType], would find no properties after a pipe
// ("Find-HuggingFaceModel | Select-Object <Tab>"). These abstract classes carry those very names and
// declare the properties the Hub answers with, so completion resolves the names to them and offers
// the properties. Nothing is ever an instance of them: the objects keep only the properties their
// answer had, and declaring them here costs the import nothing.
namespace PowershAI.HuggingFace;

/// <summary>What models, datasets and Spaces have in common, for completion.</summary>
public abstract class HuggingFaceRepo
{
    public abstract string? _id { get; }
    public abstract string? id { get; }
    public abstract string? author { get; }
    public abstract string? sha { get; }
    public abstract DateTime? createdAt { get; }
    public abstract DateTime? lastModified { get; }
    public abstract bool? @private { get; }
    public abstract object? gated { get; }
    public abstract bool? disabled { get; }
    public abstract long? likes { get; }
    public abstract double? trendingScore { get; }
    public abstract string[]? tags { get; }
    public abstract PSObject? cardData { get; }
    public abstract object[]? siblings { get; }
    public abstract long? usedStorage { get; }
}

/// <summary>The properties of a model from Find-/Get-HuggingFaceModel, for completion.</summary>
public abstract class HuggingFaceModel : HuggingFaceRepo
{
    public abstract string? modelId { get; }
    public abstract long? downloads { get; }
    public abstract long? downloadsAllTime { get; }
    public abstract string? pipeline_tag { get; }
    public abstract string? library_name { get; }
    public abstract PSObject? config { get; }
    public abstract string[]? spaces { get; }
    public abstract PSObject? safetensors { get; }
    public abstract PSObject? gguf { get; }
    public abstract PSObject? transformersInfo { get; }
    public abstract object? inference { get; }
    public abstract object[]? inferenceProviderMapping { get; }
    public abstract object[]? widgetData { get; }
    public abstract object[]? evalResults { get; }
    public abstract object? baseModels { get; }
    public abstract long? childrenModelCount { get; }
    public abstract string? mask_token { get; }
    public abstract PSObject? resourceGroup { get; }
    public abstract bool? xetEnabled { get; }
}

/// <summary>The properties of a dataset from Find-/Get-HuggingFaceDataset, for completion.</summary>
public abstract class HuggingFaceDataset : HuggingFaceRepo
{
    public abstract long? downloads { get; }
    public abstract long? downloadsAllTime { get; }
    public abstract string? description { get; }
    public abstract string? citation { get; }
    public abstract string? paperswithcode_id { get; }
    public abstract object? mainSize { get; }
    public abstract PSObject? resourceGroup { get; }
    public abstract bool? xetEnabled { get; }
}

/// <summary>The properties of a Space from Get-HuggingFaceSpace and the lifecycle cmdlets' -PassThru, for completion.</summary>
public abstract class HuggingFaceSpace : HuggingFaceRepo
{
    public abstract string? sdk { get; }
    public abstract string? subdomain { get; }
    public abstract string? host { get; }
    public abstract PSObject? runtime { get; }
    public abstract string[]? models { get; }
    public abstract string[]? datasets { get; }
    /// <summary>PowershAI's shape: control.GradioSession names the Space's session.</summary>
    public abstract Hashtable? control { get; }
    public abstract Objects.GradioSession? GradioSession { get; }
}

/// <summary>The properties of the account from Get-HuggingFaceWhoami, for completion.</summary>
public abstract class HuggingFaceWhoami
{
    public abstract string? type { get; }
    public abstract string? id { get; }
    public abstract string? name { get; }
    public abstract string? fullname { get; }
    public abstract string? email { get; }
    public abstract bool? emailVerified { get; }
    public abstract bool? isPro { get; }
    public abstract bool? canPay { get; }
    public abstract string? avatarUrl { get; }
    public abstract object? periodEnd { get; }
    public abstract object[]? orgs { get; }
    public abstract PSObject? auth { get; }
    /// <summary>Where the token was found (never the token).</summary>
    public abstract string? TokenSource { get; }
}
