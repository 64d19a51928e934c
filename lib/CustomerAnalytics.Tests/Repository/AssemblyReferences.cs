using System.Reflection;
using System.Reflection.Emit;

namespace CustomerAnalytics.Tests.Repository;

/// <summary>
/// Every type a compiled type uses: its signatures (base type, interfaces, fields, properties, method parameters and
/// results, attributes) and the types, methods and fields its method bodies touch, read from the IL.
/// </summary>
internal static class AssemblyReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly OpCode[] OneByte = new OpCode[0x100], TwoByte = new OpCode[0x100];

    static AssemblyReferences()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            var value = (ushort)op.Value;
            if (value < 0x100) OneByte[value] = op;
            else if ((value & 0xff00) == 0xfe00) TwoByte[value & 0xff] = op;
        }
    }

    /// <summary>Each type of <paramref name="type"/>'s uses, with the member that uses it (for the failure message).</summary>
    public static IEnumerable<(Type Used, string Where)> Of(Type type)
    {
        var found = new List<(Type, string)>();
        void Add(Type? t, string where)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType(), where); return; }
            if (t.IsGenericParameter) return;
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments()) Add(argument, where);
                t = t.GetGenericTypeDefinition();
            }
            found.Add((t, where));
        }
        void Attributes(IEnumerable<CustomAttributeData> attributes, string where)
        {
            foreach (var a in attributes)
            {
                Add(a.AttributeType, where);
                foreach (var argument in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
                    if (argument.Value is Type typeArgument) Add(typeArgument, where);
            }
        }

        Add(type.BaseType, type.FullName + " (base type)");
        foreach (var i in type.GetInterfaces()) Add(i, type.FullName + " (interface)");
        Attributes(type.CustomAttributes, type.FullName!);
        foreach (var f in type.GetFields(Declared)) { Add(f.FieldType, $"{type.FullName}.{f.Name}"); Attributes(f.CustomAttributes, $"{type.FullName}.{f.Name}"); }
        foreach (var p in type.GetProperties(Declared)) Add(p.PropertyType, $"{type.FullName}.{p.Name}");
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var where = $"{type.FullName}.{method.Name}";
            if (method is MethodInfo m) Add(m.ReturnType, where);
            foreach (var p in method.GetParameters()) Add(p.ParameterType, where);
            Attributes(method.CustomAttributes, where);
            foreach (var used in BodyReferences(method)) Add(used, where);
        }
        return found;
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            var op = il[i] == 0xfe ? TwoByte[il[++i]] : OneByte[il[i]];
            i++;
            var operand = i;
            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, operand),
                _ => 4,
            };
            if (op.OperandType is not (OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)) continue;
            MemberInfo? member;
            try { member = method.Module.ResolveMember(BitConverter.ToInt32(il, operand), typeArguments, methodArguments); }
            catch (ArgumentException) { continue; } // a token of another generic context: its declaring type is seen elsewhere
            switch (member)
            {
                case Type t: yield return t; break;
                case FieldInfo f: yield return f.DeclaringType!; yield return f.FieldType; break;
                case MethodBase called:
                    yield return called.DeclaringType!;
                    if (called is MethodInfo { IsGenericMethod: true } generic)
                        foreach (var argument in generic.GetGenericArguments()) yield return argument;
                    break;
            }
        }
    }
}
