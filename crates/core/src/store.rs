//! Where saved scenarios live, as a trait: `storage::LocalStore` is the
//! browser's local storage, `MemoryStore` an in-memory map (the native
//! tests run the real saved-scenario operations, `saving`, on it).

use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// Storage cannot be used at all: the app keeps working in memory.
    Unavailable,
    /// The browser refused a write because storage is full.
    Full,
    /// Any other refusal, with the browser's words.
    Failed(String),
}

/// Text by key, as local storage holds it. Each write or removal is of one
/// key and atomic: the whole text is stored, or the old one stays.
pub trait Store {
    /// Every `(key, text)` of this app (keys starting `sotp.`).
    fn read_all(&self) -> Result<Vec<(String, String)>, StorageError>;
    fn read(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
}

/// An in-memory store, shared by reference as one origin's storage is
/// shared by its tabs. `refuse_writes` makes every later write fail (a full
/// or blocked storage).
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    refuse: RefCell<Option<StorageError>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every later write (and removal) fails with `error`; `None` lifts it.
    pub fn refuse_writes(&self, error: Option<StorageError>) {
        *self.refuse.borrow_mut() = error;
    }

    /// Everything stored, as local storage would show it.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }

    /// Writes text as another program (or tab) would, ignoring refusals.
    pub fn put_raw(&self, key: &str, value: &str) {
        self.map.borrow_mut().insert(key.to_string(), value.to_string());
    }

    fn refused(&self) -> Result<(), StorageError> {
        match self.refuse.borrow().clone() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl Store for MemoryStore {
    fn read_all(&self) -> Result<Vec<(String, String)>, StorageError> {
        Ok(self
            .map
            .borrow()
            .iter()
            .filter(|(k, _)| k.starts_with("sotp."))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }

    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.refused()?;
        self.map.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.refused()?;
        self.map.borrow_mut().remove(key);
        Ok(())
    }
}
