package io.trawl.sandbox.maps;

/**
 * What a place in the {@link MapsUniverse} really is, so tests can check a classifier against the
 * truth. Google Maps itself says none of this; it only gives names and categories.
 */
public enum PlaceKind {
  /** A pharmacy of a chain on the original's chain list (CVS, Walgreens, Safeway…). */
  CHAIN,
  INDEPENDENT,
  /** A hospital or health-system pharmacy (Kaiser, "… Medical Center Pharmacy"). */
  HOSPITAL,
  /** An independent that compounds; its name says "Compounding". */
  COMPOUNDING,
  VETERINARY,
  /** A medical clinic: no pharmacy category at all. */
  CLINIC,
  /** A shopping mall that a pharmacy search returns because pharmacies are inside. */
  MALL,
  /** A department store without a pharmacy. */
  DEPARTMENT_STORE;

  /** True for the kinds whose categories include a pharmacy category. */
  public boolean isPharmacy() {
    return this != CLINIC && this != MALL && this != DEPARTMENT_STORE;
  }
}
