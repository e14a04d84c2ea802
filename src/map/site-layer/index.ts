export { createSiteLayer, type SiteLayer, type SiteLayerOptions, type SitePredicate } from './site-layer'
