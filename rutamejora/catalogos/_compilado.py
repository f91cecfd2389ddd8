# Generado por `python -m rutamejora.catalogos.compilar` a partir de los YAML de esta carpeta.
# NO EDITAR A MANO: se edita el YAML y se regenera (tests/catalogos/test_catalogos_compilados.py falla si
# quedó viejo).
"""Los catálogos del paquete ya leídos, como literales de Python (ver ``compilar.py``).

``CATALOGOS`` va de cada YAML (relativo a ``rutamejora/catalogos/``) a la huella CRC-32 del YAML
del que salió y a la función que arma su contenido: cada catálogo se arma solo cuando se pide.
"""

from datetime import date


# Larga a propósito: generada de calendario_estimado.yaml.
def _calendario_estimado():
    return {
        'fuente': 'Estimado con la regla habitual de la SEP: sesiones el último viernes de cada mes, salvo diciembre, abril y julio',
        'sesiones': {
            'dia': 'viernes',
            'meses': [9, 10, 11, 1, 2, 3, 5, 6],
        },
        'inicio_clases': {
            'dia': 'lunes',
            'mes': 8,
        },
        'fase_intensiva': {
            'dias_antes': 7,
            'duracion': 5,
        },
        'fin_clases': {
            'mes': 7,
            'dia': 15,
        },
    }


# Larga a propósito: generada de calendarios.yaml.
def _calendarios():
    return {
        'ciclos': {
            '2025-2026': {
                'fuente': 'Calendario escolar 2025-2026 de la SEP para educación básica (según shared/dominio.md)',
                'fase_intensiva': {
                    'inicio': date(2025, 8, 25),
                    'fin': date(2025, 8, 29),
                },
                'inicio_clases': date(2025, 9, 1),
                'fin_clases': date(2026, 7, 15),
                'sesiones': [
                    date(2025, 9, 26),
                    date(2025, 10, 31),
                    date(2025, 11, 28),
                    date(2026, 1, 30),
                    date(2026, 2, 27),
                    date(2026, 3, 27),
                    date(2026, 5, 29),
                    date(2026, 6, 26),
                ],
                'recesos': [
                    {
                        'nombre': 'Vacaciones de invierno',
                        'inicio': date(2025, 12, 22),
                        'fin': date(2026, 1, 6),
                    },
                    {
                        'nombre': 'Vacaciones de primavera',
                        'inicio': date(2026, 3, 30),
                        'fin': date(2026, 4, 10),
                    },
                ],
            },
            '2024-2025': {
                'fuente': 'Calendario escolar 2024-2025 de la SEP para educación básica (clases y fase intensiva según shared/dominio.md; sesiones y recesos estimados)',
                'estimado': True,
                'fase_intensiva': {
                    'inicio': date(2024, 8, 19),
                    'fin': date(2024, 8, 23),
                },
                'inicio_clases': date(2024, 8, 26),
                'fin_clases': date(2025, 7, 16),
                'sesiones': [
                    date(2024, 9, 27),
                    date(2024, 10, 25),
                    date(2024, 11, 29),
                    date(2025, 1, 31),
                    date(2025, 2, 28),
                    date(2025, 3, 28),
                    date(2025, 5, 30),
                    date(2025, 6, 27),
                ],
                'recesos': [
                    {
                        'nombre': 'Vacaciones de invierno',
                        'inicio': date(2024, 12, 23),
                        'fin': date(2025, 1, 7),
                    },
                    {
                        'nombre': 'Vacaciones de primavera',
                        'inicio': date(2025, 4, 14),
                        'fin': date(2025, 4, 25),
                    },
                ],
            },
        },
    }


# Larga a propósito: generada de cct.yaml.
def _cct():
    return {
        'entidades': {
            '01': 'Aguascalientes',
            '02': 'Baja California',
            '03': 'Baja California Sur',
            '04': 'Campeche',
            '05': 'Coahuila de Zaragoza',
            '06': 'Colima',
            '07': 'Chiapas',
            '08': 'Chihuahua',
            '09': 'Ciudad de México',
            '10': 'Durango',
            '11': 'Guanajuato',
            '12': 'Guerrero',
            '13': 'Hidalgo',
            '14': 'Jalisco',
            '15': 'México',
            '16': 'Michoacán de Ocampo',
            '17': 'Morelos',
            '18': 'Nayarit',
            '19': 'Nuevo León',
            '20': 'Oaxaca',
            '21': 'Puebla',
            '22': 'Querétaro',
            '23': 'Quintana Roo',
            '24': 'San Luis Potosí',
            '25': 'Sinaloa',
            '26': 'Sonora',
            '27': 'Tabasco',
            '28': 'Tamaulipas',
            '29': 'Tlaxcala',
            '30': 'Veracruz de Ignacio de la Llave',
            '31': 'Yucatán',
            '32': 'Zacatecas',
        },
        'sostenimientos': {
            'E': 'estatal',
            'D': 'federal',
            'K': 'CONAFE',
            'P': 'particular',
            'S': 'subsidiado',
            'U': 'autónomo',
            'A': 'visto en claves reales, significado no confirmado',
            'F': 'visto en claves reales, significado no confirmado',
        },
        'tipos_servicio': {
            'JN': {
                'nombre': 'Preescolar general',
                'nivel': 'preescolar',
            },
            'CC': {
                'nombre': 'Preescolar indígena',
                'nivel': 'preescolar',
            },
            'PR': {
                'nombre': 'Primaria general',
                'nivel': 'primaria',
            },
            'PB': {
                'nombre': 'Primaria indígena',
                'nivel': 'primaria',
            },
            'ES': {
                'nombre': 'Secundaria general',
                'nivel': 'secundaria',
            },
            'TV': {
                'nombre': 'Telesecundaria',
                'nivel': 'secundaria',
            },
            'ST': {
                'nombre': 'Secundaria técnica',
                'nivel': 'secundaria',
            },
        },
    }


# Larga a propósito: generada de importar.yaml.
def _importar():
    return {
        'encabezados': {
            'agrupacion': [
                'prioridad',
                'prioridades',
                'prioridad educativa',
                'prioridades educativas',
                'ambito',
                'ambitos',
                'ambito del pemc',
                'problematica',
                'problematicas',
                'problema',
                'problemas',
                'eje',
                'ejes',
                'necesidad',
                'necesidades',
            ],
            'objetivo': [
                'objetivo',
                'objetivos',
                'objetivo general',
                'objetivos especificos',
                'objetivo especifico',
                'que queremos lograr',
            ],
            'meta': ['meta', 'metas', 'meta por ciclo', 'metas por ciclo', 'cuanto'],
            'indicador': ['indicador', 'indicadores', 'indicador de logro', 'como lo medimos'],
            'accion': [
                'accion',
                'acciones',
                'actividad',
                'actividades',
                'estrategia',
                'estrategias',
                'como lo vamos a lograr',
                'acciones a realizar',
                'actividades a realizar',
            ],
            'responsables': [
                'responsable',
                'responsables',
                'quien',
                'quienes',
                'responsable de la implementacion',
                'encargado',
                'encargados',
            ],
            'recursos': [
                'recurso',
                'recursos',
                'materiales',
                'recursos materiales',
                'recursos humanos y materiales',
            ],
            'costo': ['costo', 'costos', 'costo estimado', 'presupuesto', 'monto', 'inversion'],
            'tiempo': [
                'tiempo',
                'tiempos',
                'periodo',
                'periodos',
                'fecha',
                'fechas',
                'periodo de realizacion',
                'cuando',
                'calendario',
                'temporalidad',
                'cronograma',
                'plazo',
            ],
            'seguimiento': [
                'seguimiento',
                'como estamos avanzando',
                'evaluacion',
                'como sabremos que avanzamos',
                'mecanismo de seguimiento',
            ],
            'evidencia': ['evidencia', 'evidencias', 'producto', 'productos', 'evidencia esperada'],
            'ambito_accion': ['ambito de gestion'],
        },
        'marcos': {
            'pmc-2024': ['agrupacion', 'objetivo', 'meta', 'indicador', 'accion'],
            'pemc-2019': ['agrupacion', 'objetivo', 'meta', 'accion', 'tiempo'],
            'rme-2014': ['accion', 'responsables', 'tiempo'],
        },
        'agrupacion_por_marco': {
            'problematica': 'pmc-2024',
            'problematicas': 'pmc-2024',
            'problema': 'pmc-2024',
            'problemas': 'pmc-2024',
            'ambito': 'pemc-2019',
            'ambitos': 'pemc-2019',
            'ambito del pemc': 'pemc-2019',
            'prioridad': 'rme-2014',
            'prioridades': 'rme-2014',
            'prioridad educativa': 'rme-2014',
            'prioridades educativas': 'rme-2014',
        },
        'marco_en_texto': {
            'pmc-2024': ['proceso de mejora continua', 'pmc'],
            'pemc-2019': ['programa escolar de mejora continua', 'pemc'],
            'rme-2014': ['ruta de mejora escolar', 'ruta de mejora'],
        },
        'responsables': [
            {
                'id': 'DIR',
                'nombre': 'Director',
                'funcion': 'director',
                'unica': True,
                'palabras': ['director', 'directora', 'direccion', 'directivo'],
            },
            {
                'id': 'SUB',
                'nombre': 'Subdirector',
                'funcion': 'subdirector',
                'palabras': ['subdirector', 'subdirectora', 'subdireccion'],
            },
            {
                'id': 'USAER',
                'nombre': 'Maestra de USAER',
                'funcion': 'usaer',
                'palabras': ['usaer', 'educacion especial', 'maestra de apoyo', 'maestro de apoyo'],
            },
            {
                'id': 'EF',
                'nombre': 'Docente de educación física',
                'funcion': 'educacion_fisica',
                'palabras': ['educacion fisica', 'profesor de educacion fisica', 'maestro de educacion fisica'],
            },
            {
                'id': 'ATP',
                'nombre': 'Asesor técnico pedagógico',
                'funcion': 'atp',
                'palabras': ['atp', 'asesor tecnico'],
            },
            {
                'id': 'SUP',
                'nombre': 'Supervisión escolar',
                'funcion': 'supervisor',
                'unica': True,
                'palabras': ['supervisor', 'supervisora', 'supervision'],
            },
            {
                'id': 'ADM',
                'nombre': 'Personal administrativo',
                'funcion': 'administrativo',
                'palabras': ['administrativo', 'administrativos', 'secretaria'],
            },
            {
                'id': 'APOYO',
                'nombre': 'Personal de apoyo',
                'funcion': 'apoyo',
                'palabras': ['intendencia', 'personal de apoyo', 'conserje'],
            },
            {
                'id': 'ORI',
                'nombre': 'Orientación educativa',
                'funcion': 'apoyo',
                'palabras': [
                    'orientacion educativa',
                    'orientador',
                    'orientadora',
                    'orientadores',
                    'orientadoras',
                ],
            },
            {
                'id': 'PREF',
                'nombre': 'Prefectura',
                'funcion': 'apoyo',
                'palabras': ['prefecto', 'prefecta', 'prefectos', 'prefectas', 'prefectura'],
            },
            {
                'id': 'DOCESP',
                'nombre': 'Docente especial',
                'funcion': 'docente_especial',
                'palabras': ['docente de ingles', 'maestro de ingles', 'artes', 'tecnologias'],
            },
            {
                'id': 'TUT',
                'nombre': 'Docentes tutores',
                'funcion': 'docente',
                'palabras': ['tutor', 'tutores', 'tutora', 'tutoras'],
            },
            {
                'id': 'DOC',
                'nombre': 'Docentes',
                'funcion': 'docente',
                'palabras': [
                    'docente',
                    'docentes',
                    'maestro',
                    'maestros',
                    'maestra',
                    'maestras',
                    'profesor',
                    'profesores',
                    'profesora',
                    'profesoras',
                    'educadora',
                    'educadoras',
                    'educador',
                    'educadores',
                    'colectivo',
                    'cte',
                    'colectivo docente',
                    'titular',
                    'titulares',
                    'todos',
                    'personal docente',
                ],
            },
        ],
        'comunidad': [
            {
                'id': 'CPE',
                'nombre': 'Comité de Planeación y Evaluación',
                'tipo': 'comite_planeacion_evaluacion',
                'unica': True,
                'palabras': ['comite de planeacion y evaluacion', 'comite de planeacion', 'cpe'],
            },
            {
                'id': 'APF',
                'nombre': 'Asociación de Padres de Familia',
                'tipo': 'asociacion_de_padres',
                'unica': True,
                'palabras': ['asociacion de padres', 'apf', 'mesa directiva'],
            },
            {
                'id': 'CEPS',
                'nombre': 'Consejo Escolar de Participación Social',
                'tipo': 'consejo_de_participacion',
                'unica': True,
                'palabras': ['consejo escolar', 'ceps', 'consejo de participacion'],
            },
            {
                'id': 'PF',
                'nombre': 'Padres de familia',
                'tipo': 'padres_de_familia',
                'unica': True,
                'palabras': ['padres', 'madres', 'familias', 'tutores de familia', 'padres de familia'],
            },
        ],
        'todo_el_ciclo': [
            'todo el ciclo',
            'todo el ciclo escolar',
            'durante el ciclo',
            'ciclo escolar',
            'permanente',
            'permanentemente',
            'todo el año',
            'todo el ano',
            'anual',
            'durante todo el ciclo',
        ],
        'frecuencias': {
            'diario': ['diario', 'diaria', 'diariamente', 'cada dia', 'todos los dias', 'a diario'],
            'semanal': ['semanal', 'semanalmente', 'cada semana', 'una vez por semana'],
            'quincenal': ['quincenal', 'quincenalmente', 'cada quince dias'],
            'mensual': ['mensual', 'mensualmente', 'cada mes', 'una vez al mes'],
            'bimestral': ['bimestral', 'bimestralmente', 'cada bimestre'],
            'trimestral': ['trimestral', 'trimestralmente', 'cada trimestre'],
            'sesiones_cte': [
                'cada sesion de cte',
                'en cada sesion de cte',
                'sesiones de cte',
                'cada cte',
                'sesiones ordinarias',
            ],
        },
        'sin_costo': [
            'sin costo',
            'ninguno',
            'ninguna',
            '0',
            'no aplica',
            'n/a',
            'na',
            'gratuito',
            'gratis',
            'sin gasto',
            '-',
            'no requiere',
        ],
        'por_periodo': {
            'por_semana': ['semanal', 'semanales', 'por semana', 'a la semana', 'cada semana'],
            'por_mes': ['mensual', 'mensuales', 'por mes', 'al mes', 'cada mes'],
        },
        'vinetas': ['•', '◦', '▪', '‣', '●', '○', '■', '□', '-', '–', '—', '*', '·', '✓', '➢', '➤', '►'],
        'escuela_en_texto': ['escuela', 'nombre de la escuela', 'jardin de ninos', 'centro escolar', 'plantel'],
        'firmas': [
            'elaboro',
            'elaboraron',
            'elaborado por',
            'vo bo',
            'visto bueno',
            'autorizo',
            'reviso',
            'nombre y firma',
            'firma',
            'firmas',
            'sello',
            'atentamente',
            'director de la escuela',
            'supervisor de zona',
        ],
        'datos_escuela': {
            'nombre': [
                'nombre de la escuela',
                'escuela',
                'nombre del centro de trabajo',
                'centro de trabajo',
                'plantel',
                'jardin de ninos',
                'institucion',
            ],
            'cct': [
                'cct',
                'c c t',
                'clave',
                'clave de centro de trabajo',
                'clave del centro de trabajo',
                'clave ct',
            ],
            'ciclo': ['ciclo escolar', 'ciclo', 'ciclos escolares'],
            'zona': ['zona escolar', 'zona'],
            'sector': ['sector'],
            'turno': ['turno'],
            'comienzos': [
                'escuela primaria',
                'escuela secundaria',
                'jardin de ninos',
                'escuela telesecundaria',
                'secundaria tecnica',
                'secundaria general',
                'centro de atencion multiple',
                'preescolar',
            ],
        },
    }


# Larga a propósito: generada de planes.yaml.
def _planes():
    return {
        'planes': {
            '2022': {
                'nombre': 'Plan de estudio 2022 (Nueva Escuela Mexicana)',
                'desde_ciclo': '2023-2024',
                'tipo': 'campos formativos',
                'niveles': {
                    'preescolar': [
                        'Lenguajes',
                        'Saberes y pensamiento científico',
                        'Ética, naturaleza y sociedades',
                        'De lo humano y lo comunitario',
                    ],
                    'primaria': [
                        'Lenguajes',
                        'Saberes y pensamiento científico',
                        'Ética, naturaleza y sociedades',
                        'De lo humano y lo comunitario',
                    ],
                    'secundaria': [
                        'Lenguajes',
                        'Saberes y pensamiento científico',
                        'Ética, naturaleza y sociedades',
                        'De lo humano y lo comunitario',
                    ],
                },
            },
            '2017': {
                'nombre': 'Aprendizajes clave para la educación integral (2017)',
                'desde_ciclo': '2018-2019',
                'tipo': 'asignaturas',
                'niveles': {
                    'preescolar': [
                        'Lenguaje y comunicación',
                        'Pensamiento matemático',
                        'Exploración y comprensión del mundo natural y social',
                        'Artes',
                        'Educación socioemocional',
                        'Educación física',
                    ],
                    'primaria': [
                        'Lengua materna. Español',
                        'Matemáticas',
                        'Conocimiento del medio',
                        'Ciencias naturales',
                        'Historia',
                        'Geografía',
                        'Formación cívica y ética',
                        'Inglés',
                        'Artes',
                        'Educación física',
                        'Educación socioemocional',
                    ],
                    'secundaria': [
                        'Lengua materna. Español',
                        'Matemáticas',
                        'Biología',
                        'Física',
                        'Química',
                        'Historia',
                        'Geografía',
                        'Formación cívica y ética',
                        'Inglés',
                        'Artes',
                        'Educación física',
                        'Tutoría y educación socioemocional',
                    ],
                },
            },
            '2011': {
                'nombre': 'Plan de estudios 2011. Educación básica',
                'desde_ciclo': '2011-2012',
                'tipo': 'asignaturas',
                'niveles': {
                    'preescolar': [
                        'Lenguaje y comunicación',
                        'Pensamiento matemático',
                        'Exploración y conocimiento del mundo',
                        'Desarrollo físico y salud',
                        'Desarrollo personal y social',
                        'Expresión y apreciación artísticas',
                    ],
                    'primaria': [
                        'Español',
                        'Matemáticas',
                        'Exploración de la naturaleza y la sociedad',
                        'Ciencias naturales',
                        'La entidad donde vivo',
                        'Historia',
                        'Geografía',
                        'Formación cívica y ética',
                        'Inglés',
                        'Educación física',
                        'Educación artística',
                    ],
                    'secundaria': [
                        'Español',
                        'Matemáticas',
                        'Ciencias',
                        'Tecnología',
                        'Geografía de México y del mundo',
                        'Historia',
                        'Asignatura estatal',
                        'Formación cívica y ética',
                        'Inglés',
                        'Educación física',
                        'Artes',
                        'Tutoría',
                    ],
                },
            },
        },
    }


# Larga a propósito: generada de privacidad.yaml.
def _privacidad():
    return {
        'nombres_de_pila': [
            'Aarón',
            'Abigail',
            'Abraham',
            'Adela',
            'Adrián',
            'Adriana',
            'Agustín',
            'Alan',
            'Alberto',
            'Alejandra',
            'Alejandro',
            'Alexa',
            'Alexis',
            'Alfonso',
            'Alfredo',
            'Alicia',
            'Alma',
            'Ana',
            'Andrea',
            'Andrés',
            'Ángel',
            'Ángela',
            'Angélica',
            'Antonio',
            'Ariadna',
            'Armando',
            'Arturo',
            'Axel',
            'Beatriz',
            'Benjamín',
            'Berenice',
            'Blanca',
            'Brenda',
            'Bruno',
            'Camila',
            'Carla',
            'Carlos',
            'Carmen',
            'Carolina',
            'César',
            'Cristian',
            'Cristina',
            'Daniel',
            'Daniela',
            'David',
            'Diana',
            'Diego',
            'Dulce',
            'Eduardo',
            'Elena',
            'Elizabeth',
            'Emiliano',
            'Emilio',
            'Emily',
            'Enrique',
            'Erick',
            'Esmeralda',
            'Esteban',
            'Estefanía',
            'Eva',
            'Evelyn',
            'Fátima',
            'Federico',
            'Felipe',
            'Fernanda',
            'Fernando',
            'Francisco',
            'Gabriel',
            'Gabriela',
            'Gael',
            'Gerardo',
            'Guadalupe',
            'Guillermo',
            'Gustavo',
            'Héctor',
            'Hugo',
            'Ian',
            'Iker',
            'Irene',
            'Iris',
            'Isaac',
            'Isabel',
            'Isabella',
            'Itzel',
            'Iván',
            'Jaime',
            'Javier',
            'Jazmín',
            'Jesús',
            'Jimena',
            'Joaquín',
            'Jonathan',
            'Jorge',
            'José',
            'Josué',
            'Juan',
            'Juana',
            'Julia',
            'Julián',
            'Julio',
            'Karen',
            'Karla',
            'Kevin',
            'Laura',
            'Leonardo',
            'Leticia',
            'Liliana',
            'Lizbeth',
            'Lorena',
            'Lucía',
            'Luis',
            'Luz',
            'Manuel',
            'Marco',
            'Marcos',
            'Margarita',
            'María',
            'Mariana',
            'Mario',
            'Marisol',
            'Martha',
            'Martín',
            'Mateo',
            'Matías',
            'Mauricio',
            'Maximiliano',
            'Mayra',
            'Melissa',
            'Miguel',
            'Miranda',
            'Mónica',
            'Natalia',
            'Nayeli',
            'Nicolás',
            'Norma',
            'Óscar',
            'Pablo',
            'Paola',
            'Patricia',
            'Paula',
            'Pedro',
            'Rafael',
            'Ramón',
            'Raúl',
            'Regina',
            'Renata',
            'Ricardo',
            'Roberto',
            'Rocío',
            'Rodrigo',
            'Rosa',
            'Rubén',
            'Salvador',
            'Samuel',
            'Santiago',
            'Sara',
            'Sebastián',
            'Sergio',
            'Sofía',
            'Susana',
            'Teresa',
            'Tomás',
            'Valentina',
            'Valeria',
            'Verónica',
            'Víctor',
            'Ximena',
            'Yahir',
            'Yolanda',
            'Yuridia',
            'Zoe',
        ],
        'particulas': ['de', 'del', 'la', 'las', 'los', 'y'],
        'personajes': [
            'Benito Juárez García',
            'Miguel Hidalgo y Costilla',
            'José María Morelos y Pavón',
            'Sor Juana Inés de la Cruz',
            'Emiliano Zapata Salazar',
            'Francisco I. Madero',
            'Carmen Serdán Alatriste',
            'Josefa Ortiz de Domínguez',
            'Leona Vicario',
            'Ignacio Zaragoza Seguín',
            'Lázaro Cárdenas del Río',
            'Vicente Guerrero Saldaña',
            'Guadalupe Victoria',
            'José Vasconcelos Calderón',
            'Gabriela Mistral',
            'Rosario Castellanos Figueroa',
            'Juan Escutia',
            'Agustín Melgar',
        ],
        'terminos_de_salud': [
            'diabetes',
            'asma',
            'epilepsia',
            'cáncer',
            'leucemia',
            'VIH',
            'TDAH',
            'déficit de atención',
            'hiperactividad',
            'autismo',
            'autista',
            'TEA',
            'síndrome de Down',
            'discapacidad',
            'ceguera',
            'sordera',
            'hipoacusia',
            'parálisis cerebral',
            'dislexia',
            'depresión',
            'ansiedad',
            'embarazo',
            'embarazada',
            'desnutrición',
            'obesidad',
            'cardiopatía',
            'convulsiones',
            'medicamento',
            'tratamiento psiquiátrico',
            'psicológico',
        ],
    }


# Larga a propósito: generada de redaccion.yaml.
def _redaccion():
    return {
        'frases_vagas': [
            'avances significativos',
            'avance significativo',
            'que todos los alumnos mejoren',
            'que los alumnos mejoren',
            'mejorar el aprovechamiento',
            'elevar el nivel',
            'en la medida de lo posible',
            'durante el ciclo escolar',
            'la mayoría de los alumnos',
            'lograr mejores resultados',
        ],
    }


# Larga a propósito: generada de unidades.yaml.
def _unidades():
    return {
        'unidades': {
            'porcentaje': {
                'nombre': 'porcentaje',
                'minimo': 0,
                'maximo': 100,
            },
            'promedio': {
                'nombre': 'promedio de calificación',
                'minimo': 0,
                'maximo': 10,
            },
            'alumnos': {
                'nombre': 'número de alumnos',
                'minimo': 0,
            },
            'nivel': {
                'nombre': 'nivel de desempeño',
                'minimo': 0,
            },
            'numero': {
                'nombre': 'número',
                'minimo': 0,
            },
        },
    }


# Larga a propósito: generada de marcos/pemc-2019.yaml.
def _marcos_pemc_2019():
    return {
        'clave': 'pemc-2019',
        'nombre': 'Programa Escolar de Mejora Continua',
        'siglas': 'PEMC',
        'vigencia': '2019-2024',
        'descripcion': 'Programa con el que el Consejo Técnico Escolar planea su mejora para varios ciclos (de dos a cuatro, según decida), con metas por ciclo que revisa al cierre de cada uno, en torno a ocho ámbitos que jerarquiza según su diagnóstico.',
        'horizonte': {
            'minimo': 2,
            'maximo': 4,
        },
        'agrupacion': {
            'singular': 'ámbito',
            'plural': 'ámbitos',
            'genero': 'masculino',
            'descripcion': 'Ámbitos del PEMC, jerarquizados por el CTE',
            'clave_lista': 'ambitos',
            'clave_referencia': 'ambito',
            'clave_valor': 'ambito',
            'ordenada': True,
            'valores_de': 'ambitos',
        },
        'ambitos': [
            {
                'clave': 'aprovechamiento-asistencia',
                'nombre': 'Aprovechamiento académico y asistencia de los alumnos',
                'sinonimos': [
                    'aprovechamiento académico',
                    'asistencia de los alumnos',
                    'aprovechamiento académico y asistencia',
                ],
            },
            {
                'clave': 'practicas-docentes-directivas',
                'nombre': 'Prácticas docentes y directivas',
                'sinonimos': ['prácticas docentes', 'prácticas directivas'],
            },
            {
                'clave': 'formacion-docente',
                'nombre': 'Formación docente',
            },
            {
                'clave': 'avance-planes-programas',
                'nombre': 'Avance de los planes y programas educativos',
                'sinonimos': ['avance de los planes y programas', 'avance de planes y programas'],
            },
            {
                'clave': 'participacion-comunidad',
                'nombre': 'Participación de la comunidad',
                'sinonimos': ['participación de la comunidad escolar'],
            },
            {
                'clave': 'desempeno-autoridad',
                'nombre': 'Desempeño de la autoridad escolar',
            },
            {
                'clave': 'infraestructura-equipamiento',
                'nombre': 'Infraestructura y equipamiento',
            },
            {
                'clave': 'carga-administrativa',
                'nombre': 'Carga administrativa',
            },
        ],
        'campos': {
            'accion.costo': 'opcional',
            'accion.responsable_seguimiento': 'requerido',
            'meta.ciclo': 'requerido',
            'diagnostico.ambitos': 'requerido',
        },
        'reglas_suaves': {
            'acciones-por-agrupacion': {
                'minimo': 2,
            },
            'diagnostico-por-ambito': {},
        },
        'nombres': {
            'diagnostico': 'Diagnóstico',
            'objetivos': 'Objetivos',
            'metas': 'Metas por ciclo',
        },
        'valoraciones': [
            {
                'clave': 'logrado',
                'nombre': 'Logrado',
            },
            {
                'clave': 'en_proceso',
                'nombre': 'En proceso',
            },
            {
                'clave': 'no_logrado',
                'nombre': 'No logrado',
            },
        ],
        'anexos': [],
        'procesos': [
            {
                'clave': 'diagnostico',
                'nombre': 'Diagnóstico',
            },
            {
                'clave': 'planeacion',
                'nombre': 'Planeación',
            },
            {
                'clave': 'seguimiento',
                'nombre': 'Seguimiento',
            },
            {
                'clave': 'evaluacion',
                'nombre': 'Evaluación',
            },
        ],
        'informe_final': {
            'clave': 'evaluacion',
            'nombre': 'Evaluación del PEMC',
        },
    }


# Larga a propósito: generada de marcos/pmc-2024.yaml.
def _marcos_pmc_2024():
    return {
        'clave': 'pmc-2024',
        'nombre': 'Proceso de Mejora Continua',
        'siglas': 'PMC',
        'vigencia': '2024-',
        'descripcion': 'Proceso con el que el Consejo Técnico Escolar y el Comité de Planeación y Evaluación parten de un diagnóstico socioeducativo, identifican problemáticas (cada una con sus ámbitos), escriben objetivos que empiezan con un verbo en infinitivo, metas con su indicador y su fórmula, y acciones con responsables, tiempos y evidencias; el ciclo cierra comunicando los resultados.',
        'horizonte': {
            'minimo': 1,
            'maximo': 1,
        },
        'agrupacion': {
            'singular': 'problemática',
            'plural': 'problemáticas',
            'genero': 'femenino',
            'descripcion': 'Problemáticas identificadas en el diagnóstico socioeducativo',
            'clave_lista': 'problematicas',
            'clave_referencia': 'problematica',
            'etiquetas': 'ambitos',
            'valores': [],
        },
        'ambitos': [
            {
                'clave': 'aprovechamiento-asistencia',
                'nombre': 'Aprovechamiento académico y asistencia de los alumnos',
                'sinonimos': ['aprovechamiento académico', 'asistencia de los alumnos'],
            },
            {
                'clave': 'practicas-docentes-directivas',
                'nombre': 'Prácticas docentes y directivas',
                'sinonimos': ['prácticas docentes', 'prácticas directivas'],
            },
            {
                'clave': 'formacion-docente',
                'nombre': 'Formación docente',
            },
            {
                'clave': 'avance-planes-programas',
                'nombre': 'Avance de los planes y programas de estudio',
                'sinonimos': ['avance de los planes y programas educativos', 'avance de planes y programas'],
            },
            {
                'clave': 'participacion-comunidad',
                'nombre': 'Participación de la comunidad',
            },
            {
                'clave': 'desempeno-autoridad',
                'nombre': 'Desempeño de la autoridad escolar',
            },
            {
                'clave': 'infraestructura-equipamiento',
                'nombre': 'Infraestructura y equipamiento',
            },
            {
                'clave': 'carga-administrativa',
                'nombre': 'Carga administrativa',
            },
        ],
        'campos': {
            'accion.costo': 'opcional',
            'accion.evidencia_esperada': 'requerido',
            'indicador.formula': 'requerido',
            'diagnostico.contexto': 'requerido',
        },
        'personas_requeridas': [
            {
                'tipo': 'comite_planeacion_evaluacion',
                'nombre': 'Comité de Planeación y Evaluación',
                'id': 'CPE',
            },
        ],
        'reglas_suaves': {
            'objetivo-sin-verbo': {
                'pista': 'En el PMC cada objetivo empieza con un verbo en infinitivo: «Fortalecer…», «Reducir…», «Favorecer…».',
            },
        },
        'nombres': {
            'diagnostico': 'Diagnóstico socioeducativo',
            'objetivos': 'Objetivos',
            'metas': 'Metas e indicadores',
        },
        'valoraciones': [
            {
                'clave': 'logrado',
                'nombre': 'Logrado',
            },
            {
                'clave': 'en_proceso',
                'nombre': 'En proceso',
            },
            {
                'clave': 'no_logrado',
                'nombre': 'No logrado',
            },
        ],
        'anexos': [],
        'procesos': [
            {
                'clave': 'diagnostico',
                'nombre': 'Diagnóstico socioeducativo',
            },
            {
                'clave': 'planeacion',
                'nombre': 'Planeación',
            },
            {
                'clave': 'seguimiento',
                'nombre': 'Implementación y seguimiento',
            },
            {
                'clave': 'evaluacion',
                'nombre': 'Evaluación',
            },
            {
                'clave': 'comunicacion',
                'nombre': 'Comunicación',
            },
        ],
        'informe_final': {
            'clave': 'comunicacion',
            'nombre': 'Comunicación de resultados',
        },
    }


# Larga a propósito: generada de marcos/rme-2014.yaml.
def _marcos_rme_2014():
    return {
        'clave': 'rme-2014',
        'nombre': 'Ruta de mejora escolar',
        'vigencia': '2014-2018',
        'descripcion': 'Sistema de gestión con el que el Consejo Técnico Escolar planea, implementa, da seguimiento, evalúa y rinde cuentas de sus acciones de mejora durante un ciclo escolar, en torno a las cuatro prioridades del Sistema Básico de Mejora.',
        'horizonte': {
            'minimo': 1,
            'maximo': 1,
        },
        'agrupacion': {
            'singular': 'prioridad',
            'plural': 'prioridades',
            'genero': 'femenino',
            'descripcion': 'Prioridades del Sistema Básico de Mejora (SBM)',
            'ejemplo': 'mejora-aprendizajes',
            'valores': [
                {
                    'clave': 'normalidad-minima',
                    'nombre': 'Normalidad mínima de operación escolar',
                    'sinonimos': [
                        'funcionamiento regular de la escuela',
                        'normalidad mínima escolar',
                        'normalidad mínima',
                        'garantizar la normalidad mínima de operación escolar',
                    ],
                },
                {
                    'clave': 'mejora-aprendizajes',
                    'nombre': 'Mejora de los aprendizajes',
                    'sinonimos': [
                        'mejora de los aprendizajes de los alumnos',
                        'mejorar los aprendizajes de los alumnos',
                        'mejora de los aprendizajes con énfasis en lectura, escritura y matemáticas',
                    ],
                },
                {
                    'clave': 'rezago-abandono',
                    'nombre': 'Rezago y abandono escolar',
                    'sinonimos': [
                        'prevención del rezago y alto al abandono escolar',
                        'abatir el rezago y el abandono escolar',
                        'rezago escolar',
                        'abandono escolar',
                    ],
                },
                {
                    'clave': 'convivencia-escolar',
                    'nombre': 'Convivencia escolar',
                    'sinonimos': [
                        'convivencia escolar sana, pacífica y libre de violencia',
                        'convivencia escolar sana, pacífica y formativa',
                        'promover una convivencia escolar sana, pacífica y formativa',
                    ],
                },
            ],
        },
        'ambitos': [
            {
                'clave': 'salon-de-clases',
                'nombre': 'En el salón de clases',
            },
            {
                'clave': 'escuela',
                'nombre': 'En la escuela',
            },
            {
                'clave': 'entre-maestros',
                'nombre': 'Entre maestros',
            },
            {
                'clave': 'padres-de-familia',
                'nombre': 'Con los padres de familia',
            },
            {
                'clave': 'medir-avances',
                'nombre': 'Para medir avances',
            },
            {
                'clave': 'asesoria-tecnica',
                'nombre': 'Asesoría técnica',
            },
            {
                'clave': 'materiales-insumos',
                'nombre': 'Materiales e insumos educativos',
            },
        ],
        'valoraciones': [
            {
                'clave': 'logrado',
                'nombre': 'Logrado',
            },
            {
                'clave': 'en_proceso',
                'nombre': 'En proceso',
            },
            {
                'clave': 'no_logrado',
                'nombre': 'No logrado',
            },
        ],
        'anexos': [
            {
                'clave': 'normalidad-minima',
                'titulo': 'Anexo 1. Normalidad mínima escolar',
                'niveles': ['preescolar', 'primaria', 'secundaria'],
                'rasgos': [
                    {
                        'clave': '1',
                        'texto': 'La escuela brindó el servicio educativo los días establecidos en el calendario escolar',
                    },
                    {
                        'clave': '2',
                        'texto': 'Todos nuestros grupos contaron con maestros en la totalidad de los días del ciclo escolar.',
                    },
                    {
                        'clave': '3',
                        'texto': 'Todos los maestros iniciamos puntualmente las actividades.',
                    },
                    {
                        'clave': '4',
                        'texto': 'Todos nuestros alumnos asistieron puntualmente a todas las clases.',
                    },
                    {
                        'clave': '5',
                        'texto': 'Todos los materiales para el estudio estuvieron a disposición de cada uno de los estudiantes y se usaron sistemáticamente.',
                    },
                    {
                        'clave': '6',
                        'texto': 'Todo el tiempo escolar lo ocupamos fundamentalmente en actividades de aprendizaje.',
                    },
                    {
                        'clave': '7',
                        'texto': 'Las actividades propuestas lograron que todos los alumnos participaran en el trabajo de la clase.',
                    },
                    {
                        'clave': '8',
                        'texto': 'Todos los alumnos consolidan su dominio de la lectura, la escritura y las matemáticas de acuerdo con su grado educativo',
                    },
                ],
            },
            {
                'clave': 'ausentismo',
                'titulo': 'Anexo 2. Ausentismo escolar',
                'niveles': ['preescolar', 'primaria', 'secundaria'],
                'rasgos': [
                    {
                        'clave': '1',
                        'texto': 'Llevamos un registro sistemático de los estudiantes que no asistieron a clases e indagamos las causas.',
                    },
                    {
                        'clave': '2',
                        'texto': 'Trabajamos en forma colaborativa para resolver los problemas específicos de los alumnos que faltaron continuamente a la escuela.',
                    },
                    {
                        'clave': '3',
                        'texto': 'Atendimos la demanda del servicio educativo y brindamos inscripción al total de la población que lo solicitó.',
                    },
                    {
                        'clave': '4',
                        'texto': 'Establecimos acciones durante las sesiones del cte para brindar apoyo integral a los alumnos que faltaron continuamente a la escuela.',
                    },
                    {
                        'clave': '5',
                        'texto': 'Identificamos a alumnos en situación de vulnerabilidad y establecimos un apoyo educativo diferenciado para minimizar las barreras que limitan el aprendizaje.',
                    },
                    {
                        'clave': '6',
                        'texto': 'Propiciamos actividades de interés para el alumnado como una forma de favorecer la asistencia regular a la escuela.',
                    },
                    {
                        'clave': '7',
                        'texto': 'Desarrollamos un plan de acción emergente para atender casos de estudiantes que dejaron de asistir a la escuela por condiciones de salud.',
                    },
                    {
                        'clave': '8',
                        'texto': 'Gestionamos apoyos externos para atender casos de alumnos con problemas de aprendizaje, desnutrición, pobreza extrema o condiciones familiares desfavorables.',
                    },
                    {
                        'clave': '9',
                        'texto': 'Dimos seguimiento y apoyo a los alumnos que por motivos familiares dejaron de asistir a la escuela.',
                    },
                    {
                        'clave': '10',
                        'texto': 'Establecimos comunicación con los padres de los alumnos que estuvieron en riesgo de abandono escolar para implementar acciones conjuntas.',
                    },
                ],
            },
            {
                'clave': 'convivencia',
                'titulo': 'Anexo 3. Convivencia escolar',
                'niveles': ['preescolar', 'primaria', 'secundaria'],
                'rasgos': [
                    {
                        'clave': 'a',
                        'texto': 'Conversemos sobre la manera de reconocer y atender la diversidad en la escuela.',
                    },
                    {
                        'clave': 'b',
                        'texto': 'Conversemos sobre cómo nos tratamos en la escuela.',
                    },
                    {
                        'clave': 'c',
                        'texto': 'Conversemos sobre las maneras de establecer y hacer cumplir las normas en la escuela',
                    },
                    {
                        'clave': 'd',
                        'texto': 'Conversemos sobre la participación, corresponsabilidad y mejora de la enseñanza en la escuela',
                    },
                    {
                        'clave': 'e',
                        'texto': 'Conversemos sobre cómo enfrentamos los conflictos dentro de la escuela',
                    },
                ],
            },
            {
                'clave': 'mejora-aprendizajes',
                'titulo': 'Anexo 4. Mejora de los aprendizajes',
                'niveles': ['preescolar'],
                'rasgos': [
                    {
                        'clave': '1',
                        'texto': 'Aprender a regular sus emociones, a trabajar en colaboración, resolver conflictos mediante el diálogo y a respetar las reglas de convivencia en el aula, en la escuela y fuera de ella, actuando con iniciativa, autonomía y disposición para aprender.',
                    },
                    {
                        'clave': '2',
                        'texto': 'Adquirir confianza para expresarse, dialogar y conversar en su lengua materna; mejorar su capacidad de escucha, y enriquecer su lenguaje oral al comunicarse en situaciones variadas.',
                    },
                    {
                        'clave': '3',
                        'texto': 'Desarrollar interés y gusto por la lectura, usar diversos tipos de texto y saber para qué sirven; iniciarse en la práctica de la escritura al expresar gráficamente las ideas que quieren comunicar y reconocer algunas propiedades del sistema de escritura.',
                    },
                    {
                        'clave': '4',
                        'texto': 'Usar el razonamiento matemático en situaciones que demanden establecer relaciones de correspondencia, cantidad y ubicación entre objetos al contar, estimar, reconocer atributos, comparar y medir; comprender las relaciones entre los datos de un problema y usar estrategias o procedimientos propios para resolverlos.',
                    },
                    {
                        'clave': '5',
                        'texto': 'Interesarse en la observación de fenómenos naturales y las características de los seres vivos; participar en situaciones de experimentación que los lleven a describir, preguntar, predecir, comparar, registrar, elaborar explicaciones e intercambiar opiniones sobre procesos de transformación del mundo natural y social inmediato, y adquirir actitudes favorables hacia el cuidado del medio.',
                    },
                    {
                        'clave': '6',
                        'texto': 'Apropiarse de los valores y principios necesarios para la vida en comunidad, reconociendo que las personas tenemos rasgos culturales distintos, y actuar con base en el respeto a las características y los derechos de los demás, el ejercicio de responsabilidades, la justicia y la tolerancia, el reconocimiento y aprecio a la diversidad lingüística, cultural, étnica y de género.',
                    },
                    {
                        'clave': '7',
                        'texto': 'Usar la imaginación y la fantasía, la iniciativa y la creatividad para expresarse por medio de los lenguajes artísticos (música, artes visuales, danza, teatro) y apreciar manifestaciones artísticas y culturales de su entorno y de otros contextos.',
                    },
                    {
                        'clave': '8',
                        'texto': 'Mejorar sus habilidades de coordinación, control, manipulación y desplazamiento; practicar acciones de salud individual y colectiva para preservar y promover una vida saludable, y comprender qué actitudes y medidas adoptar ante situaciones que pongan en riesgo su integridad personal.',
                    },
                ],
            },
        ],
        'procesos': [
            {
                'clave': 'planeacion',
                'nombre': 'Planeación',
            },
            {
                'clave': 'implementacion',
                'nombre': 'Implementación',
            },
            {
                'clave': 'seguimiento',
                'nombre': 'Seguimiento',
            },
            {
                'clave': 'evaluacion',
                'nombre': 'Evaluación',
            },
            {
                'clave': 'rendicion-de-cuentas',
                'nombre': 'Rendición de cuentas',
            },
        ],
        'informe_final': {
            'clave': 'rendicion',
            'nombre': 'Rendición de cuentas',
        },
        'nombres': {
            'prioridades': 'Prioridades educativas',
        },
        'citas': {
            'diagnostico': '«Reconocen las necesidades educativas de todos los alumnos en cada asignatura o campo\nformativo, a partir de revisar los resultados que obtuvieron en el ciclo escolar anterior»;\nreconocen «las fortalezas con las que cuentan para llevar a cabo la tarea docente y\ndirectiva» e identifican «a los alumnos que están en riesgo de no alcanzar los aprendizajes\nprevistos en el ciclo escolar, de no ser promovidos al siguiente ciclo o nivel educativo o de\ndeserción escolar».',
            'prioridades': '«A partir de las necesidades detectadas en el ejercicio de autoevaluación/diagnóstico, el\ncolectivo docente establece sus prioridades educativas».',
            'objetivos': '«El Consejo Técnico Escolar debe prever que los objetivos de la mejora escolar sean\nfactibles, es decir, que puedan ser alcanzados y comunicables, que todos puedan\ncomprenderlos».',
            'metas': '«Las metas que el consejo defina deberán ser precisas, explícitas y medibles», con\nindicadores; «las metas se expresan en unidades de medida por lo que les puede proyectar,\ncalendarizar y cuantificar».',
            'acciones': 'Cada acción dice:\n  a) la actividad, «considerando una secuencia lógica de tareas»;\n  b) los responsables (claves de `colectivo` y `comunidad` en ruta.yaml);\n  c) los recursos: materiales, humanos y financieros, con los que se cuenta y los que hay que adquirir;\n  d) el costo total en pesos (0 si no cuesta) y su fuente del presupuesto;\n  e) los tiempos, «realistas», dentro del ciclo: `inicio` y `fin`, o `periodos`.',
            'bitacora': 'El seguimiento «no es un mecanismo de fiscalización del trabajo, es un medio para valorar\navances, rectificar y retroalimentar las decisiones»; «las acciones se deberán evaluar\ncontrastando lo planeado con lo realizado».',
            'colectivo': 'Las orientaciones: «Cada actividad debe señalar con claridad quién o quiénes serán los\nparticipantes y los responsables de llevarlas a cabo; se incluye la participación de todos\nlos integrantes del Consejo Técnico Escolar y se considera la participación de los padres de\nfamilia.»',
            'presupuesto': '«d) Costos. Se establecen los montos de las acciones que los requieran».',
        },
    }


CATALOGOS = {
    'calendario_estimado.yaml': (0x79ac7d5f, _calendario_estimado),
    'calendarios.yaml': (0xe4e62de2, _calendarios),
    'cct.yaml': (0xbd9129f4, _cct),
    'importar.yaml': (0x0b74d2d9, _importar),
    'planes.yaml': (0xd2a4536f, _planes),
    'privacidad.yaml': (0xf731fa30, _privacidad),
    'redaccion.yaml': (0x932f400d, _redaccion),
    'unidades.yaml': (0xbad63433, _unidades),
    'marcos/pemc-2019.yaml': (0x3793035c, _marcos_pemc_2019),
    'marcos/pmc-2024.yaml': (0x44b4f448, _marcos_pmc_2024),
    'marcos/rme-2014.yaml': (0x3cdb8d98, _marcos_rme_2014),
}
