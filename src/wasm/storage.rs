//! The workspace in the browser's `localStorage`: loading with migration and a backup of anything
//! that cannot be read, saving that reports a full storage as a coded error, and access to backups.
//!
//! Every function takes an optional `storage`: any object with `Storage`'s `getItem`, `setItem`,
//! `key(i)` and `length` (the page passes one that moves a workspace too large for `localStorage`
//! to IndexedDB; a server can pass a `Map`-backed one). Without it, `localStorage`.
//!
//! web-sys is used directly rather than gloo-storage: gloo's `LocalStorage::raw()` throws when
//! there is no window or storage is blocked (private modes, sandboxed frames), and those must come
//! back as `storage_unavailable` like any other error.

use super::convert::{from_js, js_error, to_js};
use crate::error::{Error, ErrorCode};
use crate::workspace::{parse_workspace, to_text, validate, Workspace};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const DEFAULT_KEY: &str = "overdue.workspace";

#[derive(Default)]
struct KeyInput {
    key: Option<String>,
}
crate::decode_struct!(KeyInput { key: "key" = default });

/// The input without its `storage`, and that storage if one is given. It is taken out before the
/// input is read as JSON, which would otherwise copy all it holds.
fn split(input: &JsValue) -> Result<(JsValue, Option<web_sys::Storage>), JsValue> {
    // Reading `storage` and its methods can run getters, so it is guarded like any input.
    let given = super::convert::reading(|| {
        let given = if input.is_object() {
            js_sys::Reflect::get(input, &JsValue::from_str("storage")).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        };
        let has = |name: &str| js_sys::Reflect::get(&given, &JsValue::from_str(name)).is_ok_and(|f| f.is_function());
        let usable = given.is_undefined() || given.is_null() || (has("getItem") && has("setItem") && has("key"));
        if !usable {
            return Err(js_error(Error::new(
                ErrorCode::InvalidType,
                "storage",
                "`storage` should be an object with localStorage's methods (getItem, setItem, key) and its length.",
            )));
        }
        Ok(given)
    })?;
    if given.is_undefined() || given.is_null() {
        return Ok((input.clone(), None));
    }
    Ok((
        super::convert::without_key(input, "storage")?,
        Some(given.unchecked_into()),
    ))
}

/// The storage given, else `localStorage`.
fn storage(given: Option<web_sys::Storage>) -> Result<web_sys::Storage, JsValue> {
    given.map_or_else(local_storage, Ok).map_err(js_error)
}

fn local_storage() -> Result<web_sys::Storage, Error> {
    let unavailable = || {
        Error::new(
            ErrorCode::StorageUnavailable,
            "",
            "This browser does not let the page keep data (storage is off or blocked).",
        )
    };
    let window = web_sys::window().ok_or_else(unavailable)?;
    window.local_storage().ok().flatten().ok_or_else(unavailable)
}

fn storage_error(e: &JsValue) -> Error {
    let name = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .unwrap_or_default();
    // Browsers name it QuotaExceededError; old Firefox said NS_ERROR_DOM_QUOTA_REACHED.
    if name.contains("Quota") || name.contains("QUOTA") {
        Error::new(ErrorCode::StorageFull, "", "The browser's storage for this page is full, so the last change was not saved. What was saved before is unchanged. Export your workspace to keep a copy.")
    } else {
        Error::new(
            ErrorCode::StorageUnavailable,
            "",
            format!("The browser refused to store the workspace ({name})."),
        )
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Storage` with `getItem` returning the JS string itself, so that a large workspace crosses
    /// through `text_of` rather than wasm-bindgen's character-by-character copy, and a backup is
    /// written from the JS string as stored, not from a copy that went through Rust.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;
    #[wasm_bindgen(method, catch, js_class = "Storage", js_name = getItem)]
    fn get_item(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "Storage", js_name = setItem)]
    fn set_item(this: &RawStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

/// What is stored under `key`: a JS string, or null.
fn get_raw(s: &web_sys::Storage, key: &str) -> Result<JsValue, Error> {
    s.unchecked_ref::<RawStorage>()
        .get_item(key)
        .map_err(|e| storage_error(&e))
}

fn get(s: &web_sys::Storage, key: &str) -> Result<Option<String>, Error> {
    get_raw(s, key).map(|v| super::text_of(&v))
}

fn set(s: &web_sys::Storage, key: &str, value: &str) -> Result<(), Error> {
    s.set_item(key, value).map_err(|e| storage_error(&e))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Loaded {
    /// `new` (nothing stored), `ok`, `migrated` (an older version, brought up to date; the original is
    /// kept under `backupKey`), `repaired` (a damaged character replaced with U+FFFD; the original is
    /// kept under `backupKey`), `damaged` (unreadable; kept under `backupKey`, nothing loaded), or
    /// `newer` (saved by a newer page; left untouched, nothing loaded).
    status: &'static str,
    workspace: Option<Workspace>,
    backup_key: Option<String>,
    message: Option<String>,
    bytes: usize,
}

/// The backups beside `base`: `(N, key)` for every `base.backup.N`.
fn backup_keys(s: &web_sys::Storage, base: &str) -> Vec<(u32, String)> {
    let prefix = format!("{base}.backup.");
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| {
            k.strip_prefix(&prefix)
                .and_then(|n| n.parse::<u32>().ok())
                .map(|n| (n, k))
        })
        .collect()
}

/// Keeps `raw` (a JS string exactly as it was stored) under `base.backup.N` unless an identical
/// backup exists; returns its key.
fn back_up(s: &web_sys::Storage, base: &str, raw: &JsValue) -> Result<String, Error> {
    let mut next = 1;
    for (n, k) in backup_keys(s, base) {
        if get_raw(s, &k)?.loose_eq(raw) {
            return Ok(k);
        }
        next = next.max(n + 1);
    }
    let key = format!("{base}.backup.{next}");
    s.unchecked_ref::<RawStorage>()
        .set_item(&key, raw)
        .map_err(|e| storage_error(&e))?;
    Ok(key)
}

/// Reads the workspace from `localStorage` (key `overdue.workspace` unless given). Never deletes or
/// overwrites what is stored: an unreadable or older document is first copied to a backup key.
///
/// # Errors
/// `storage_unavailable` when the page cannot use storage; `storage_full` when a backup cannot be
/// written (then nothing was changed).
#[wasm_bindgen(js_name = loadWorkspace, unchecked_return_type = "LoadedWorkspace")]
pub fn load_workspace(
    #[wasm_bindgen(unchecked_param_type = "{ key?: string | null; storage?: StorageLike | null } | undefined")]
    input: JsValue,
) -> Result<JsValue, JsValue> {
    let (input, given) = split(&input)?;
    let key = key_of(&input)?;
    let s = storage(given)?;
    let raw = get_raw(&s, &key).map_err(js_error)?;
    // A lone surrogate cannot be read exactly: the text is read with U+FFFD in its place, and the
    // original is backed up before anything can be saved over it.
    let (text, damaged_line) = match super::convert::whole_text(&raw) {
        Ok(Some(text)) => (text, None),
        Ok(None) => {
            return to_js(&Loaded {
                status: "new",
                workspace: None,
                backup_key: None,
                message: None,
                bytes: 0,
            });
        }
        Err(line) => (super::text_of(&raw).unwrap_or_default(), Some(line)),
    };
    let bytes = text.len();
    let loaded = match parse_workspace(&text) {
        Ok(p) if damaged_line.is_some() => {
            let backup = back_up(&s, &key, &raw).map_err(js_error)?;
            Loaded {
                status: "repaired",
                workspace: Some(p.workspace),
                backup_key: Some(backup),
                message: Some(format!(
                    "A damaged character (half of a UTF-16 pair) on line {} was replaced with \u{FFFD}.",
                    damaged_line.unwrap_or(0)
                )),
                bytes,
            }
        }
        Ok(p) => match p.migrated_from {
            None => Loaded {
                status: "ok",
                workspace: Some(p.workspace),
                backup_key: None,
                message: None,
                bytes,
            },
            Some(v) => {
                let backup = back_up(&s, &key, &raw).map_err(js_error)?;
                Loaded {
                    status: "migrated",
                    workspace: Some(p.workspace),
                    backup_key: Some(backup),
                    message: Some(format!("Updated from version {v}.")),
                    bytes,
                }
            }
        },
        Err(e) if e.path == "version" && e.message.contains("newer") => Loaded {
            status: "newer",
            workspace: None,
            backup_key: None,
            message: Some(e.message),
            bytes,
        },
        Err(e) => {
            let backup = back_up(&s, &key, &raw).map_err(js_error)?;
            let at = if e.path.is_empty() {
                String::new()
            } else {
                format!(" (at {})", e.path)
            };
            Loaded {
                status: "damaged",
                workspace: None,
                backup_key: Some(backup),
                message: Some(format!("{}{at}", e.message)),
                bytes,
            }
        }
    };
    to_js(&loaded)
}

fn key_of(input: &JsValue) -> Result<String, JsValue> {
    if input.is_undefined() || input.is_null() {
        return Ok(DEFAULT_KEY.to_string());
    }
    let k: KeyInput = from_js(input)?;
    Ok(k.key
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| DEFAULT_KEY.to_string()))
}

struct SaveInput {
    workspace: Workspace,
    key: Option<String>,
}
crate::decode_struct!(SaveInput {
    workspace: "workspace",
    key: "key" = default
});

#[derive(Serialize)]
struct Saved {
    bytes: usize,
}

/// Validates and stores the workspace. When the storage is full nothing is changed and the error
/// `storage_full` says so.
#[wasm_bindgen(js_name = saveWorkspace, unchecked_return_type = "{ bytes: number }")]
pub fn save_workspace(
    #[wasm_bindgen(
        unchecked_param_type = "{ workspace: Workspace; key?: string | null; storage?: StorageLike | null }"
    )]
    input: JsValue,
) -> Result<JsValue, JsValue> {
    let (input, given) = split(&input)?;
    let mut input: SaveInput = from_js(&input)?;
    input.workspace.version = crate::workspace::VERSION;
    validate(&input.workspace).map_err(|e| js_error(e.within("workspace")))?;
    crate::workspace::canonicalize(&mut input.workspace);
    let text = to_text(&input.workspace).map_err(js_error)?;
    let s = storage(given)?;
    let key = input
        .key
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| DEFAULT_KEY.to_string());
    set(&s, &key, &text).map_err(js_error)?;
    to_js(&Saved { bytes: text.len() })
}

#[derive(Serialize)]
struct Stored {
    key: String,
    bytes: usize,
}

/// The backups kept beside the workspace (`overdue.workspace.backup.N`), newest first.
#[wasm_bindgen(js_name = listBackups, unchecked_return_type = "{ key: string; bytes: number }[]")]
pub fn list_backups(
    #[wasm_bindgen(unchecked_param_type = "{ key?: string | null; storage?: StorageLike | null } | undefined")]
    input: JsValue,
) -> Result<JsValue, JsValue> {
    let (input, given) = split(&input)?;
    let base = key_of(&input)?;
    let s = storage(given)?;
    let mut out = Vec::new();
    for (n, k) in backup_keys(&s, &base) {
        let bytes = get(&s, &k).map_err(js_error)?.map_or(0, |t| t.len());
        out.push((n, Stored { key: k, bytes }));
    }
    // Newest (highest N) first, through the one shared sort.
    let keys = out
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (0, -i128::from(*n), i as u32))
        .collect();
    to_js(
        &crate::order::arrange(out, &crate::order::order(keys))
            .into_iter()
            .map(|(_, s)| s)
            .collect::<Vec<_>>(),
    )
}

/// The text stored under a key (a backup, to offer as a download), exactly as stored, or null.
/// Takes the key itself or `{ key, storage? }`.
///
/// # Errors
/// `invalid_type` at `key` when the key is not a string; `missing_field` without one.
#[wasm_bindgen(js_name = readStored, unchecked_return_type = "string | null")]
pub fn read_stored(
    #[wasm_bindgen(unchecked_param_type = "string | { key: string; storage?: StorageLike | null }")] input: JsValue,
) -> Result<JsValue, JsValue> {
    struct Wrapped {
        key: String,
    }
    crate::decode_struct!(Wrapped { key: "key" });
    let (key, given) = match super::convert::whole_text(&input) {
        Ok(Some(k)) => (k, None),
        Ok(None) => {
            let (input, given) = split(&input)?;
            (from_js::<Wrapped>(&input)?.key, given)
        }
        Err(_) => return Err(js_error(super::convert::lone_surrogate("key"))),
    };
    let s = storage(given)?;
    get_raw(&s, &key).map_err(js_error)
}

/// Reads a workspace file (an export) through the same validation and migrations as storage.
#[wasm_bindgen(js_name = parseWorkspace, unchecked_return_type = "ParsedWorkspace")]
pub fn parse_workspace_js(
    #[wasm_bindgen(unchecked_param_type = "{ text: string }")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: crate::workspace::ParseInput = from_js(&input)?;
    to_js(&parse_workspace(&input.text).map_err(js_error)?)
}
