using Mono.Cecil;
using Mono.Cecil.Cil;

namespace InventoryMapping.Architecture.Tests;

/// <summary>
/// Every type a compiled type uses — in its signatures, attributes and method bodies (IL) — read with Mono.Cecil.
/// Compiler-generated nested types (lambdas, async state machines) count as their outermost declaring type.
/// </summary>
public sealed class TypeDependencies
{
    private TypeDependencies(IReadOnlyDictionary<string, IReadOnlySet<TypeReference>> uses, IReadOnlyDictionary<string, IReadOnlySet<string>> calls)
    {
        Uses = uses;
        Calls = calls;
    }

    /// <summary>Outermost type's full name → the types it uses.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<TypeReference>> Uses { get; }

    /// <summary>Outermost type's full name → the methods it calls, as <c>DeclaringType::Name</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Calls { get; }

    public static TypeDependencies Of(string assemblyPath)
    {
        var uses = new Dictionary<string, HashSet<TypeReference>>();
        var calls = new Dictionary<string, HashSet<string>>();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type).FullName;
            var used = uses.TryGetValue(owner, out var u) ? u : uses[owner] = [];
            var called = calls.TryGetValue(owner, out var c) ? c : calls[owner] = [];
            Collect(type, used, called);
        }

        return new TypeDependencies(
            uses.ToDictionary(p => p.Key, p => (IReadOnlySet<TypeReference>)p.Value),
            calls.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value));
    }

    /// <summary>The namespace a type belongs to (a nested type: its outermost declaring type's).</summary>
    public static string NamespaceOf(TypeReference type)
    {
        type = type.GetElementType();
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static void Collect(TypeDefinition type, HashSet<TypeReference> used, HashSet<string> called)
    {
        Add(type.BaseType, used);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType, used);
        }

        Attributes(type, used);
        foreach (var field in type.Fields)
        {
            Add(field.FieldType, used);
            Attributes(field, used);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType, used);
            Attributes(property, used);
        }

        foreach (var method in type.Methods)
        {
            Add(method.ReturnType, used);
            Attributes(method, used);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType, used);
                Attributes(parameter, used);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType, used);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t, used);
                        break;
                    case MethodReference m:
                        Add(m.DeclaringType, used);
                        Add(m.ReturnType, used);
                        foreach (var p in m.Parameters)
                        {
                            Add(p.ParameterType, used);
                        }

                        if (m is GenericInstanceMethod g)
                        {
                            foreach (var a in g.GenericArguments)
                            {
                                Add(a, used);
                            }
                        }

                        called.Add($"{m.DeclaringType.GetElementType().FullName}::{m.Name}");
                        break;
                    case FieldReference f:
                        Add(f.DeclaringType, used);
                        Add(f.FieldType, used);
                        break;
                }
            }
        }
    }

    private static void Attributes(ICustomAttributeProvider provider, HashSet<TypeReference> used)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            Add(attribute.AttributeType, used);
        }
    }

    private static void Add(TypeReference? type, HashSet<TypeReference> used)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, used);
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument, used);
                }

                return;
            case TypeSpecification specification:
                Add(specification.ElementType, used);
                return;
            default:
                used.Add(type);
                return;
        }
    }
}
