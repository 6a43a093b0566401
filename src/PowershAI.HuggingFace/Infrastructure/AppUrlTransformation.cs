using System.Management.Automation;
using PowershAI.HuggingFace.Objects;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>
/// Lets an -AppUrl parameter take a Space object (Get-HuggingFaceSpace -NoGradioSession): it
/// stands for the host the Hub reported. Anything else passes through unchanged; a Space with no
/// host (not running, or not a Gradio Space) is refused with the reason instead of being turned
/// into its text.
/// </summary>
public sealed class AppUrlTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is not PSObject space || !space.TypeNames.Contains(HubObjects.SpaceType)) return inputData;
        var id = space.Properties["id"]?.Value;
        var sdk = space.Properties["sdk"]?.Value?.ToString();
        if (sdk != null && sdk != "gradio")
            throw new ArgumentTransformationMetadataException($"Space {id} has no Gradio app URL: it is a {sdk} Space, not a Gradio Space.");
        if (space.Properties["host"]?.Value?.ToString() is { Length: > 0 } host) return host;
        throw new ArgumentTransformationMetadataException($"Space {id} has no Gradio app URL: the Hub reports no host for it (is it running? Start-HuggingFaceSpace wakes it).");
    }
}
