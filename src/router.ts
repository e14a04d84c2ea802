import { createRouter, createWebHashHistory } from 'vue-router'
import PlannerView from '@/views/PlannerView.vue'

/**
 * Hash history: the installed app is served as static files and works offline, with no server to rewrite
 * deep links. The dashboard (and ECharts with it) loads only when opened.
 */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'map', component: PlannerView },
    { path: '/dashboard', name: 'dashboard', component: () => import('@/views/DashboardView.vue') },
    { path: '/field', name: 'field', component: () => import('@/views/FieldView.vue') },
    { path: '/plans', name: 'plans', component: () => import('@/views/PlansView.vue') },
    { path: '/scenarios', name: 'scenarios', component: () => import('@/views/ScenariosView.vue') },
    { path: '/report', name: 'report', component: () => import('@/views/ReportView.vue') },
  ],
})
