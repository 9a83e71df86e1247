"""Data classes without the ``dataclasses`` module: quote's frozen result and config types.

``quote PHRASE`` is run thousands of times from shell loops, and ``import dataclasses`` loads
inspect, ast, dis and tokenize (about 6 ms here) before each decorated class costs its own
``exec`` of five generated methods (about 0.5 ms each, issue 16). This module gives the same
declarations — ``@dataclass(frozen=True)``, ``field(default_factory=…, compare=False)``,
``replace`` — for what quote uses of them: the ``__init__`` of the annotated fields (one
generated function per class, as fast as the dataclasses one, compiled when the first instance
is made), ``__repr__`` and ``__eq__`` over the fields in order, ``__hash__`` of a frozen class,
and ``FrozenInstanceError`` on assignment. It does not do inheritance of fields, ``InitVar``,
``__post_init__``, ordering, slots or ``dataclasses.fields``/``asdict``: a class that needs
those uses the real module.
"""

from __future__ import annotations

from operator import attrgetter

# ``typing`` costs a plain search about 6 ms of start-up (issue 16): the names below are for the
# type checker only, and NamedTuple has a light stand-in (the end of this module).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, NamedTuple, TypeVar, dataclass_transform, overload

    _T = TypeVar("_T")


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """A field of a frozen record was assigned or deleted (like ``dataclasses``' own)."""


class Field:
    """What ``field()`` declares about one attribute."""

    __slots__ = ("name", "default", "default_factory", "compare", "hash", "repr")

    def __init__(self, default, default_factory, compare: bool, hash: bool | None, repr: bool):
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.hash = compare if hash is None else hash
        self.repr = repr


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | Any = MISSING,
    compare: bool = True,
    hash: bool | None = None,
    repr: bool = True,
) -> Any:
    """An attribute with a default factory, or left out of equality, hashing or repr."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, compare, hash, repr)


def _dataclass(cls: type[_T] | None = None, /, *, frozen: bool = False) -> Any:
    """The class with ``__init__``, ``__repr__``, ``__eq__`` (and ``__hash__`` when frozen)."""

    def wrap(c: type[_T]) -> type[_T]:
        return _process(c, frozen)

    return wrap if cls is None else wrap(cls)


if TYPE_CHECKING:

    @overload
    def dataclass(cls: type[_T], /) -> type[_T]: ...

    @overload
    def dataclass(*, frozen: bool = False) -> Callable[[type[_T]], type[_T]]: ...

    @dataclass_transform(field_specifiers=(field,))
    def dataclass(cls: type[_T] | None = None, /, *, frozen: bool = False) -> Any: ...

else:
    dataclass = _dataclass


def replace(obj: _T, /, **changes: Any) -> _T:
    """A copy of the record ``obj`` with some fields changed (``dataclasses.replace``)."""
    cls = type(obj)
    for name in cls.__record_fields__:  # type: ignore[attr-defined]
        if name not in changes:
            changes[name] = getattr(obj, name)
    return cls(**changes)


def _is_classvar(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return text.startswith(("ClassVar", "typing.ClassVar"))


def _process(cls: type[_T], frozen: bool) -> type[_T]:
    fields: list[Field] = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_classvar(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(value, MISSING, True, None, True)
        f.name = name
        if isinstance(value, Field):  # the class attribute is the default, as in dataclasses
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields.append(f)
    names = tuple(f.name for f in fields)
    cls.__record_fields__ = names  # type: ignore[attr-defined]
    _add(cls, "__init__", _lazy_init(cls, fields, frozen))
    shown = [f.name for f in fields if f.repr]

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in shown)
        return f"{type(self).__qualname__}({inner})"

    _add(cls, "__repr__", __repr__)
    key = _key([f.name for f in fields if f.compare])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    _add(cls, "__eq__", __eq__)
    if "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
        if frozen:
            hash_key = _key([f.name for f in fields if f.hash])
            cls.__hash__ = lambda self: hash(hash_key(self))  # type: ignore[method-assign]
        else:
            cls.__hash__ = None  # type: ignore[assignment]
    if frozen:
        cls.__setattr__ = _frozen_setattr  # type: ignore[method-assign]
        cls.__delattr__ = _frozen_delattr  # type: ignore[method-assign]
    return cls


def _add(cls: type, name: str, function: Callable) -> None:
    """Set a generated method unless the class body defines its own (as dataclasses does)."""
    if name not in cls.__dict__:
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, function)


def _key(names: list[str]) -> Callable[[Any], tuple]:
    """The tuple of these attributes of an object (a 1-tuple for one name, () for none)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return attrgetter(*names)


def _lazy_init(cls: type, fields: list[Field], frozen: bool) -> Callable:
    """An ``__init__`` that generates the real one on the first instance: compiling it is most
    of a record class's cost, and a plain search makes instances of half of them."""
    seen_default = False
    for f in fields:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        init = _init(fields, frozen)
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        cls.__init__ = init  # type: ignore[misc]
        init(self, *args, **kwargs)

    return __init__


def _init(fields: list[Field], frozen: bool) -> Callable:
    """``__init__`` as one generated function, like dataclasses: no loop over the fields."""
    scope: dict[str, Any] = {"MISSING": MISSING}
    params, body = [], []
    for f in fields:
        if f.default is not MISSING:
            scope[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
        elif f.default_factory is not MISSING:
            scope[f"_f_{f.name}"] = f.default_factory
            params.append(f"{f.name}=MISSING")
        else:
            params.append(f.name)
        value = f.name
        if f.default_factory is not MISSING:
            value = f"_f_{f.name}() if {f.name} is MISSING else {f.name}"
        body.append(f"  _d[{f.name!r}] = {value}" if frozen else f"  self.{f.name} = {value}")
    head = ["  _d = self.__dict__"] if frozen else []
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(head + body or ["  pass"])
    exec(source, scope)
    return scope["__init__"]


def _frozen_setattr(self, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _named_tuple(name: str, ns: dict[str, Any]) -> type:
    # what typing.NamedTuple's metaclass does, for the classes quote declares: the annotated
    # names are the fields (those given a value are the defaults), the rest of the body (methods,
    # properties, the docstring) goes onto the collections.namedtuple class
    import collections

    fields = list(ns.get("__annotations__", {}))
    defaults = [ns[f] for f in fields if f in ns]
    make: Any = collections.namedtuple  # names and defaults known only at run time
    cls = make(name, fields, defaults=defaults, module=ns.get("__module__"))
    for key, value in ns.items():
        if key not in fields and key not in _NOT_COPIED:
            setattr(cls, key, value)
    return cls


_NOT_COPIED = frozenset(
    {"__annotations__", "__module__", "__qualname__", "__dict__", "__weakref__"}
)


class _NamedTupleMeta(type):
    def __new__(mcls, name: str, bases: tuple, ns: dict[str, Any]) -> Any:  # noqa: N804
        cls = _named_tuple(name, ns)
        cls.__qualname__ = ns.get("__qualname__", name)
        return cls


if not TYPE_CHECKING:
    # ``class Word(NamedTuple): text: str`` as with typing's (a tuple with named fields, no
    # ``typing`` import); only plain fields and defaults: no generics, no subclass fields
    NamedTuple = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})
