using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CustomerAnalytics.Tests.Repository;

/// <summary>
/// No static mutable state in the runtime library (DESIGN.md, "Hosts own the context"): a notebook's settings live in its
/// <see cref="Workshop"/>, a host's output in what it supplies. The test reads every static field of the assemblies
/// the notebooks load and fails on one that is not readonly, or readonly but holding a mutable collection. Arrays are
/// not counted: every static array of the library is a lookup table filled once and never written.
/// </summary>
public sealed class StaticStateTests
{
    /// <summary>
    /// The justified exceptions, "Type.field" with the reason each is process-wide by nature. Keep this list short: a
    /// new entry needs the same kind of reason.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> Exceptions = new Dictionary<string, string>
    {
        ["CustomerAnalytics.Torch.TorchDevice.selected"] =
            "libtorch's native library is initialised once per process and cannot switch device; the first Select decides for the process.",
        ["CustomerAnalytics.Display.FSharpCoreRedirect.installed"] =
            "the assembly-resolve hook is process-wide (AssemblyLoadContext.Default.Resolving); the flag keeps it from being added twice.",
        ["CustomerAnalytics.Display.FSharpCoreRedirect.Redirected"] =
            "says whether that process-wide hook ever answered (the kernel's FSharp.Core was handed out): a fact about the process.",
    };

    [Fact]
    public void The_runtime_assemblies_hold_no_static_mutable_state()
    {
        var found = LayeringTests.Runtime.SelectMany(StaticMutableFields).Order(StringComparer.Ordinal).ToArray();

        var unexplained = found.Where(f => !Exceptions.ContainsKey(f)).ToArray();
        Assert.True(unexplained.Length == 0,
            "Static mutable state in the runtime library (make it instance state owned by a Workshop or a host, or add it to " +
            "StaticStateTests.Exceptions with its reason):\n" + string.Join("\n", unexplained));
        var stale = Exceptions.Keys.Where(k => !found.Contains(k)).ToArray();
        Assert.True(stale.Length == 0, "Exceptions that no longer exist (remove them): " + string.Join(", ", stale));
    }

    [Fact]
    public void The_scan_sees_a_mutable_static_field()
    {
        Assert.Contains($"{typeof(Sample).FullName}.counter", StaticMutableFields(typeof(Sample).Assembly));
        Assert.Contains($"{typeof(Sample).FullName}.Cache", StaticMutableFields(typeof(Sample).Assembly));
        Assert.Contains($"{typeof(Sample).FullName}.Settable", StaticMutableFields(typeof(Sample).Assembly));
        Assert.DoesNotContain($"{typeof(Sample).FullName}.Fixed", StaticMutableFields(typeof(Sample).Assembly));
    }

    private static IEnumerable<string> StaticMutableFields(Assembly assembly) =>
        from type in assembly.GetTypes()
        where !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !type.Name.StartsWith('<')
        from field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        // Compiler-generated fields (lambda caches) are not state, except an auto-property's backing field.
        where !field.IsLiteral && (!field.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || BackingField(field) is not null) && IsMutable(field)
        select $"{type.FullName}.{BackingField(field) ?? field.Name}";

    // "<Name>k__BackingField" -> "Name".
    private static string? BackingField(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal) ? field.Name[1..field.Name.IndexOf('>')] : null;

    private static bool IsMutable(FieldInfo field) =>
        !field.IsInitOnly || (!field.FieldType.IsArray && field.FieldType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(field.FieldType)
                              && !IsImmutableCollection(field.FieldType));

    // Read-only views and frozen or immutable collections cannot be changed through the field.
    private static bool IsImmutableCollection(Type type) =>
        type.Namespace is "System.Collections.Immutable" or "System.Collections.Frozen"
        || (type.IsInterface && type.Name.StartsWith("IReadOnly", StringComparison.Ordinal))
        || type.Name.StartsWith("ReadOnly", StringComparison.Ordinal);

    private static class Sample
    {
#pragma warning disable CS0169, CS0414, IDE0044, IDE0051 // fields exist to be found by the scan
        private static int counter;
        private static readonly List<string> Cache = [];
        private static readonly IReadOnlyList<string> Fixed = ["a"];
        public static int Settable { get; set; }
#pragma warning restore CS0169, CS0414, IDE0044, IDE0051
    }
}
