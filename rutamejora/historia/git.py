"""Git, solo para leer: el repositorio de una carpeta, sus revisiones, sus commits y sus objetos.

Todo pasa por el programa ``git`` (medido contra pygit2 en ``docs/historia.md``: para estas
lecturas es igual de rápido y no agrega una dependencia compilada). Nada de aquí toca el árbol
de trabajo ni el índice: se leen objetos (``cat-file``), la historia (``log``) y nombres
(``rev-parse``), con ``GIT_OPTIONAL_LOCKS=0`` para que git tampoco refresque el índice por su
cuenta.

Los objetos se leen con **un** proceso ``git cat-file --batch`` abierto mientras dura la
lectura (``Lector``): pedir cientos de archivos de cientos de commits cuesta lo que cuesta
leerlos, no lo que cuesta lanzar cientos de procesos.

Cada falla del entorno (sin git, fuera de un repositorio, una revisión que no existe o que un
clon superficial dejó fuera) es un ``ErrorDeGit`` con su mensaje y su pista en español: los
comandos la vuelven salida 2.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

# El separador de campos y de registros de ``git log --format``: caracteres que un mensaje de
# commit no trae.
_CAMPO, _REGISTRO = "\x1f", "\x1e"


class ErrorDeGit(Exception):
    """Git no pudo responder: ``mensaje`` dice qué pasó y ``pista`` qué hacer (salida 2)."""

    def __init__(self, mensaje: str, pista: str = ""):
        super().__init__(mensaje)
        self.mensaje = mensaje
        self.pista = pista


@dataclass(frozen=True)
class Commit:
    """Un commit: su id, sus padres, quién y cuándo lo escribió y su mensaje."""

    id: str
    padres: tuple[str, ...]
    autor: str
    correo: str
    fecha: datetime
    mensaje: str          # la primera línea
    cuerpo: str = ""      # el resto del mensaje

    @property
    def corto(self) -> str:
        return self.id[:7]


def _entorno() -> dict:
    return dict(os.environ, LC_ALL="C", LANG="C", GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0",
                GIT_PAGER="cat", PAGER="cat")


# Lo que dice git de un objeto que no puede leer (un repositorio dañado).
_DANOS = ("is corrupt", "bad object", "unable to read", "loose object", "invalid object",
          "bad tree object", "fatal: packed object")


def _raiz_de_safe(stderr: str) -> str | None:
    """La carpeta que git propone en su aviso de «dubious ownership» (``safe.directory X``)."""
    for linea in stderr.splitlines():
        if "safe.directory" in linea and "git config" in linea:
            return linea.split("safe.directory", 1)[1].strip() or None
    return None


def _sin_git() -> ErrorDeGit:
    return ErrorDeGit("No encontré el programa git en esta computadora.",
                      "Instálalo (https://git-scm.com).")


class Repositorio:
    """El repositorio de git que contiene una carpeta (``raiz`` es su raíz de trabajo)."""

    def __init__(self, raiz: Path, superficial: bool = False):
        self.raiz = raiz
        self.superficial = superficial

    @classmethod
    def de(cls, carpeta: Path) -> "Repositorio":
        """El repositorio de ``carpeta``; ``ErrorDeGit`` sin git o fuera de un repositorio."""
        if shutil.which("git") is None:
            raise _sin_git()
        donde = carpeta if carpeta.is_dir() else carpeta.parent
        hecho = _correr(["git", "-C", str(donde), "rev-parse", "--show-toplevel",
                         "--is-shallow-repository"])
        if hecho.returncode != 0 and "safe.directory" in (hecho.stderr or ""):
            raise ErrorDeGit(
                f"git no confía en el repositorio de {carpeta}: es de otro usuario de esta computadora.",
                "Si confías en él, agrégalo con `git config --global --add safe.directory "
                f"{_raiz_de_safe(hecho.stderr) or donde}`.")
        if hecho.returncode != 0:
            raise ErrorDeGit(f"La carpeta {carpeta} no está en un repositorio de git.",
                             "Corre el comando dentro de un clon del repositorio de Rutas (o "
                             "crea uno: git init y git commit).")
        raiz, superficial = (hecho.stdout.splitlines() + ["", ""])[:2]
        return cls(Path(raiz), superficial.strip() == "true")

    # -- procesos ------------------------------------------------------------------------

    def git(self, *args: str) -> str:
        """La salida de ``git ARGS`` en la raíz; ``ErrorDeGit`` si falla."""
        hecho = _correr(["git", "-C", str(self.raiz), *args])
        if hecho.returncode != 0:
            detalle = (hecho.stderr or "").strip().splitlines()
            if any(p in (hecho.stderr or "") for p in _DANOS):
                raise ErrorDeGit("El repositorio de git está dañado: git no puede leer uno de sus objetos.",
                                 "Revísalo con `git fsck`; si el repositorio está en GitHub o en otra "
                                 "computadora, vuelve a clonarlo.")
            raise ErrorDeGit(f"git {args[0]} falló (git dice: «{detalle[-1] if detalle else 'nada'}»).")
        return hecho.stdout

    def relativa(self, carpeta: Path) -> str:
        """``carpeta`` relativa a la raíz, con ``/`` (``""`` si es la raíz misma)."""
        try:
            rel = carpeta.resolve().relative_to(self.raiz.resolve())
        except ValueError:
            raise ErrorDeGit(f"La carpeta {carpeta} está fuera del repositorio {self.raiz}.") from None
        texto = rel.as_posix()
        return "" if texto == "." else texto

    # -- revisiones ----------------------------------------------------------------------

    def resolver(self, revision: str) -> str:
        """El id completo del commit que nombra ``revision`` (``HEAD~3``, una etiqueta, un id)."""
        if not revision or revision.startswith("-"):
            raise ErrorDeGit(f"«{revision}» no es una revisión de git.",
                             "Usa un id de commit, una rama, una etiqueta o algo como HEAD~3.")
        hecho = _correr(["git", "-C", str(self.raiz), "rev-parse", "--verify", "--quiet",
                         "--end-of-options", f"{revision}^{{commit}}"])
        if hecho.returncode == 0 and hecho.stdout.strip():
            return hecho.stdout.strip()
        if self.superficial:
            raise ErrorDeGit(
                f"La revisión «{revision}» no está en este clon: es un clon superficial y esa "
                "parte de la historia no se trajo.",
                "Trae la historia completa con `git fetch --unshallow` (en GitHub Actions, "
                "`fetch-depth: 0` en actions/checkout; en GitLab CI, `GIT_DEPTH: 0`).")
        if not self.tiene_commits():
            raise ErrorDeGit("El repositorio todavía no tiene commits.",
                             "Haz el primer commit de la Ruta (git add y git commit).")
        raise ErrorDeGit(f"La revisión «{revision}» no existe en este repositorio.",
                         "Revisa cómo se escribe (git log --oneline muestra los commits); "
                         "si es de otra rama o de un remoto, tráela con `git fetch`.")

    def cortes(self) -> set[str]:
        """Los commits donde un clon superficial cortó la historia (sus padres no están)."""
        if not self.superficial:
            return set()
        archivo = Path(self.git("rev-parse", "--git-path", "shallow").strip())
        archivo = archivo if archivo.is_absolute() else self.raiz / archivo
        try:
            return set(archivo.read_text(encoding="ascii").split())
        except OSError:
            return set()

    def tiene_commits(self) -> bool:
        hecho = _correr(["git", "-C", str(self.raiz), "rev-parse", "--verify", "--quiet", "HEAD"])
        return hecho.returncode == 0

    def commits(self, rutas: list[str], limite: int | None = None) -> list[Commit]:
        """Los commits que cambiaron alguna de ``rutas``, del más nuevo al más viejo."""
        formato = _CAMPO.join(("%H", "%P", "%an", "%ae", "%aI", "%s", "%b")) + _REGISTRO
        args = ["log", f"--format={formato}", "--no-color"]
        if limite:
            args.append(f"--max-count={limite}")
        salida = self.git(*args, "--", *(rutas or ["."]))
        return [_commit(r) for r in salida.split(_REGISTRO) if r.strip()]

    def cambiados(self, desde: str, dentro: str = "") -> list[str]:
        """Los archivos (relativos a la raíz) que difieren entre el commit ``desde`` y el árbol
        de trabajo, más los nuevos que git aún no sigue. Solo lee: no toca el índice."""
        rutas = [dentro] if dentro else []
        salida = self.git("diff", "--name-only", "--no-renames", "-z", desde, "--", *rutas)
        nuevos = self.git("ls-files", "--others", "--exclude-standard", "-z", "--", *rutas)
        return sorted({n for n in (salida + nuevos).split("\0") if n})

    def lector(self) -> "Lector":
        return Lector(self.raiz)


def _correr(args: list[str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(args, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", env=_entorno(), stdin=subprocess.DEVNULL,
                              timeout=120)
    except FileNotFoundError:
        raise _sin_git() from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise ErrorDeGit(f"No se pudo correr git: {exc}.") from None


def _commit(registro: str) -> Commit:
    partes = registro.lstrip("\n").split(_CAMPO)
    partes += [""] * (7 - len(partes))
    id_, padres, autor, correo, fecha, mensaje, cuerpo = partes[:7]
    return Commit(id=id_.strip(), padres=tuple(padres.split()), autor=autor, correo=correo,
                  fecha=datetime.fromisoformat(fecha.strip()), mensaje=mensaje.strip(),
                  cuerpo=cuerpo.strip())


class Lector:
    """Un ``git cat-file --batch`` abierto: lee objetos por nombre (``REV:ruta``, un id).

    Úsalo con ``with``: al salir se cierra el proceso.
    """

    def __init__(self, raiz: Path):
        try:
            self._proceso = subprocess.Popen(
                ["git", "-C", str(raiz), "cat-file", "--batch"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_entorno())
        except FileNotFoundError:
            raise _sin_git() from None
        self._memoria: dict[str, tuple[str, bytes] | None] = {}

    def __enter__(self) -> "Lector":
        return self

    def __exit__(self, *_exc) -> None:
        self.cerrar()

    def cerrar(self) -> None:
        if self._proceso.poll() is None:
            self._proceso.stdin.close()
            self._proceso.wait(timeout=30)
        self._proceso.stdout.close()

    def objeto(self, nombre: str) -> tuple[str, bytes] | None:
        """``(tipo, contenido)`` del objeto, o ``None`` si no existe."""
        if nombre in self._memoria:
            return self._memoria[nombre]
        if "\n" in nombre:
            return None
        entrada, salida = self._proceso.stdin, self._proceso.stdout
        try:
            entrada.write(nombre.encode("utf-8") + b"\n")
            entrada.flush()
            encabezado = salida.readline().decode("utf-8", "replace").split()
        except (OSError, ValueError):
            raise ErrorDeGit("git cat-file terminó antes de tiempo.") from None
        if len(encabezado) != 3 or encabezado[1] in ("missing", "ambiguous"):
            resultado = None
        else:
            contenido = salida.read(int(encabezado[2]))
            salida.read(1)  # el salto de línea que cierra cada objeto
            resultado = (encabezado[1], contenido)
        self._memoria[nombre] = resultado
        return resultado

    def arbol_en(self, commit: str, camino: str) -> dict[str, tuple[str, str]] | None:
        """El árbol de la carpeta ``camino`` en ``commit`` (``""``: la raíz), o ``None`` si esa
        carpeta no existe ahí. Se baja carpeta por carpeta desde la raíz del commit: un árbol
        que el commit nombra y git no puede leer es un repositorio dañado (``ErrorDeGit``), no
        una carpeta que falta (antes, «La Ruta es nueva» con salida 0)."""
        actual = self.arbol(f"{commit}^{{tree}}")
        if actual is None:
            raise _danado(commit)
        for parte in (p for p in camino.split("/") if p):
            entrada = actual.get(parte)
            if entrada is None or entrada[0] != "40000":
                return None
            actual = self.arbol(entrada[1])
            if actual is None:
                raise _danado(entrada[1])
        return actual

    def arbol(self, nombre: str) -> dict[str, tuple[str, str]] | None:
        """``{nombre: (modo, id)}`` de un árbol (una carpeta en un commit), o ``None``."""
        objeto = self.objeto(nombre)
        if objeto is None or objeto[0] != "tree":
            return None
        return _entradas(objeto[1])


def _danado(objeto: str) -> ErrorDeGit:
    return ErrorDeGit(f"El repositorio de git está dañado: git no puede leer el objeto {objeto[:7]}.",
                      "Revísalo con `git fsck`; si el repositorio está en GitHub o en otra computadora, "
                      "vuelve a clonarlo.")


def _entradas(crudo: bytes) -> dict[str, tuple[str, str]]:
    """Las entradas de un árbol en el formato binario de git: ``modo nombre\\0`` y 20 bytes."""
    entradas: dict[str, tuple[str, str]] = {}
    i = 0
    while i < len(crudo):
        espacio = crudo.index(b" ", i)
        nulo = crudo.index(b"\0", espacio)
        modo = crudo[i:espacio].decode("ascii")
        nombre = crudo[espacio + 1:nulo].decode("utf-8", "replace")
        entradas[nombre] = (modo, crudo[nulo + 1:nulo + 21].hex())
        i = nulo + 21
    return entradas
